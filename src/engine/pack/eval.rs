//! Evaluating a rule: each check makes its finding through [`Ctx`], and the
//! rule's parts combine in three-valued logic.

use super::{Check, Rule};
use crate::engine::finding::{Ctx, Finding};
use crate::engine::logic::Tri;

/// Evaluates `rule` on the record behind `ctx`: every finding its checks
/// make, in order, goes into `out`; returns whether the rule lets the
/// criterion pass and whether it makes it fail.
pub(crate) fn findings(rule: &Rule, ctx: &Ctx, out: &mut Vec<Finding>) -> (Tri, Tri) {
    match rule {
        Rule::All(parts) => parts.iter().fold((Tri::True, Tri::False), |(ok, bad), p| {
            let (p_ok, p_bad) = findings(p, ctx, out);
            (ok.and(p_ok), bad.or(p_bad))
        }),
        Rule::Any(parts) => parts.iter().fold((Tri::False, Tri::True), |(ok, bad), p| {
            let (p_ok, p_bad) = findings(p, ctx, out);
            (ok.or(p_ok), bad.and(p_bad))
        }),
        Rule::Not(part) => {
            // Its findings are turned round too, so the reasons of a
            // criterion decided through `not` are the findings that decided
            // it (`load` allows `not` only over checks whose words state the
            // answer, never a threshold that would read as its opposite).
            let first = out.len();
            let (ok, bad) = findings(part, ctx, out);
            for f in &mut out[first..] {
                std::mem::swap(&mut f.ok, &mut f.bad);
            }
            (bad, ok)
        }
        Rule::Unless { field, is, then } => {
            if ctx.is(*field, *is) {
                let finding = ctx.does_not_apply(*field, *is);
                let verdict = (finding.ok, finding.bad);
                out.push(finding);
                verdict
            } else {
                findings(then, ctx, out)
            }
        }
        Rule::Check(check) => {
            let finding = check_finding(check, ctx);
            let verdict = (finding.ok, finding.bad);
            out.push(finding);
            verdict
        }
    }
}

fn check_finding(check: &Check, c: &Ctx) -> Finding {
    match *check {
        Check::YesNo { field, wanted } => c.yes_no(field, wanted),
        Check::ExcludesIfYes { field } => c.exclude_if_yes(field),
        Check::Negative { field } => c.negative(field),
        Check::ExcludesIfPositive { field } => c.exclude_if_positive(field),
        Check::AtLeast { field, min } => c.at_least(field, min.to_decimal()),
        Check::AtMost { field, max } => c.at_most(field, max.to_decimal()),
        Check::PlateletsBelow { field, limit } => c.platelets_below(field, limit.to_decimal()),
        Check::BelowUlnTimes { field, times } => c.below_uln_times(field, times),
        Check::AgeAtLeast { years } => c.age_at_least(years),
        Check::TimeSince {
            field,
            more_than,
            if_yes: None,
        } => c.time_since(field, more_than),
        Check::TimeSince {
            field,
            more_than,
            if_yes: Some(had),
        } => c.time_since_if(had, field, more_than),
        Check::PregnancyTest => c.pregnancy_test(),
        Check::QtcAtMost { ms, with_block_ms } => c.qtc(ms, with_block_ms),
    }
}
