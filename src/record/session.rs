//! One record open for editing, pure: what a change is recorded against
//! (the version last stored and its revision), whether the form may change
//! it (initials, completion, an amendment's reason), what to store after
//! an edit or a completion (its history written by `record::history`),
//! and what another tab did meanwhile (a newer version taken, or a
//! conflict to choose). The record screen (`ui::record`) forwards events
//! and draws what this says; the store (`record::stored::save`) checks the
//! trail once more whatever the caller did.

use crate::record::draft::{Draft, Status};
use crate::record::history::{self, MAX_REASON_CHARS, Reason, Refused, Who};
use crate::record::stored::Stored;

/// Why an amendment cannot start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmendProblem {
    /// No reason chosen.
    NoReason,
    /// "Other" chosen without words.
    NoWords,
}

/// What another tab's newer version of the record means here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elsewhere {
    /// Taken: the form shows this draft now (this tab held nothing the
    /// store did not, so nothing is lost by taking it).
    Taken(Box<Draft>),
    /// It waits as a conflict (one was waiting, or this tab holds typing
    /// not stored): the choice now offers this newer version.
    ConflictUpdated,
    /// Not newer than what this session holds.
    Ignored,
}

/// One record open for editing.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordSession {
    /// The version last stored: what a change is recorded against.
    saved: Draft,
    /// Its stored revision.
    rev: u64,
    /// Written by a newer version of the app: never changed here.
    read_only: bool,
    /// The reason while a completed record is being amended.
    amending: Option<(Reason, String)>,
    /// Another tab's version, when a save met it: nothing is stored until
    /// the coordinator chooses.
    conflict: Option<Stored>,
}

impl RecordSession {
    /// A session on a stored record.
    pub fn open(stored: Stored) -> RecordSession {
        RecordSession {
            read_only: stored.read_only,
            rev: stored.rev,
            saved: stored.draft,
            amending: None,
            conflict: None,
        }
    }

    /// The version last stored.
    pub fn saved(&self) -> &Draft {
        &self.saved
    }

    /// Its stored revision (what the next save is made over).
    pub fn rev(&self) -> u64 {
        self.rev
    }

    /// Whether the record is in storage: a new, empty record is not until
    /// its first real change (`create::Origin::stored_at_once`), which
    /// [`RecordSession::change`] gives to store over revision 0.
    pub fn is_stored(&self) -> bool {
        self.rev > 0
    }

    /// Where the record stands.
    pub fn status(&self) -> Status {
        self.saved.status
    }

    /// Written by a newer version of the app: shown, never changed.
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// The reason given for amending, while amending.
    pub fn amending(&self) -> Option<&(Reason, String)> {
        self.amending.as_ref()
    }

    /// Another tab's version waiting for the coordinator's choice.
    pub fn conflict(&self) -> Option<&Stored> {
        self.conflict.as_ref()
    }

    /// Whether the form may be changed by `initials` (the session's, ""
    /// when none): not read-only, initials given, and either in progress
    /// or amending with a reason.
    pub fn editable(&self, initials: &str) -> bool {
        !self.read_only
            && !initials.is_empty()
            && (!self.status().is_complete() || self.amending.is_some())
    }

    /// Starts amending a completed record with `reason` (and its words,
    /// trimmed and cut to [`MAX_REASON_CHARS`]; required for "Other").
    pub fn start_amending(
        &mut self,
        reason: Option<Reason>,
        words: &str,
    ) -> Result<(), AmendProblem> {
        let words: String = words.trim().chars().take(MAX_REASON_CHARS).collect();
        match reason {
            None => Err(AmendProblem::NoReason),
            Some(Reason::Other) if words.is_empty() => Err(AmendProblem::NoWords),
            Some(r) => {
                self.amending = Some((r, words));
                Ok(())
            }
        }
    }

    /// Ends the amendment: the record is closed to changes again.
    pub fn stop_amending(&mut self) {
        self.amending = None;
    }

    /// What to store after the form changed to `form` (by `by` at `at`):
    /// the form's draft with every change written in its history against
    /// the version last stored. `None` when nothing is to be stored: no
    /// change, read-only, a conflict waiting, or refused (no initials, or
    /// complete without a reason).
    pub fn change(&self, form: &Draft, by: &str, at: &str) -> Option<Draft> {
        if self.read_only || self.conflict.is_some() {
            return None;
        }
        let mut after = form.clone();
        let who = Who {
            by: by.to_string(),
            at: at.to_string(),
            reason: self.amending.clone(),
        };
        match history::apply(&self.saved, &mut after, &who) {
            Ok(n) if n > 0 => Some(after),
            _ => None,
        }
    }

    /// What to store to mark the record complete by `by` at `at`, with the
    /// verdict at that moment (`outcome`, as `Outcome::as_str` writes it).
    pub fn complete(&self, by: &str, at: &str, outcome: &str) -> Result<Draft, Refused> {
        let mut done = self.saved.clone();
        history::complete(&mut done, by, at, outcome)?;
        done.updated = at.to_string();
        Ok(done)
    }

    /// Whether the form, showing `form`, holds what the store does not (a
    /// reload or leaving the record would lose it): a conflict waiting for
    /// a choice, or a change or a completion not stored (the store failed
    /// or refused it).
    pub fn unsaved(&self, form: &Draft) -> bool {
        self.conflict.is_some()
            || history::differs(&self.saved, form)
            || form.status != self.saved.status
    }

    /// The store took `draft` as revision `rev`.
    pub fn stored(&mut self, draft: Draft, rev: u64) {
        self.saved = draft;
        self.rev = rev;
    }

    /// A save met another tab's newer version: it waits for a choice.
    pub fn conflicted(&mut self, theirs: Stored) {
        self.conflict = Some(theirs);
    }

    /// Another tab stored `theirs` (seen through the storage event) while
    /// the form shows `form`: taken when this tab holds nothing the store
    /// does not, else it waits as a conflict (taking it would throw away
    /// what was typed here).
    pub fn elsewhere(&mut self, theirs: Stored, form: &Draft) -> Elsewhere {
        if theirs.rev <= self.rev {
            return Elsewhere::Ignored;
        }
        if self.unsaved(form) {
            self.conflict = Some(theirs);
            return Elsewhere::ConflictUpdated;
        }
        self.rev = theirs.rev;
        self.saved = theirs.draft.clone();
        Elsewhere::Taken(Box::new(theirs.draft))
    }

    /// The coordinator takes the other tab's version: the form shows it.
    pub fn use_theirs(&mut self) -> Option<Draft> {
        let theirs = self.conflict.take()?;
        self.rev = theirs.rev;
        self.saved = theirs.draft.clone();
        Some(theirs.draft)
    }

    /// The coordinator keeps this tab's version: it is written over theirs
    /// at the next [`RecordSession::change`], each difference an entry of
    /// its history. Returns whether a conflict was waiting.
    pub fn keep_mine(&mut self) -> bool {
        let Some(theirs) = self.conflict.take() else {
            return false;
        };
        self.rev = theirs.rev;
        self.saved = theirs.draft;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::create::{Origin, create};
    use crate::record::history::{Kind, entries};

    fn open() -> RecordSession {
        let draft = create(
            Origin::New {
                screening_date: "2026-12-06".into(),
            },
            "r1",
            "LM",
            "2026-12-06T09:00:00.000Z",
        )
        .unwrap();
        RecordSession::open(Stored::fresh(draft, 1))
    }

    fn typed(s: &RecordSession, key: &str, text: &str) -> Draft {
        let mut form = s.saved().clone();
        form.set_input(key, text);
        form
    }

    #[test]
    fn an_edit_is_stored_with_its_entry_and_nothing_is_stored_for_no_change() {
        let mut s = open();
        let form = typed(&s, "ecog", "1");
        let store = s.change(&form, "LM", "2026-12-06T09:01:00.000Z").unwrap();
        let last = entries(&store.history).pop().unwrap();
        assert_eq!((last.kind, last.field.as_str()), (Kind::Edited, "ecog"));
        s.stored(store.clone(), 2);
        assert_eq!(s.change(&store, "LM", "2026-12-06T09:02:00.000Z"), None);
        assert_eq!(s.rev(), 2);
    }

    #[test]
    fn without_initials_the_form_is_closed_and_nothing_is_stored() {
        let s = open();
        assert!(!s.editable(""));
        assert_eq!(
            s.change(&typed(&s, "ecog", "1"), "", "2026-12-06T09:01:00.000Z"),
            None
        );
    }

    #[test]
    fn a_completed_record_changes_only_while_amending_with_a_reason() {
        let mut s = open();
        let done = s
            .complete("LM", "2026-12-06T10:00:00.000Z", "incomplete")
            .unwrap();
        s.stored(done, 2);
        assert!(!s.editable("LM"));
        assert_eq!(
            s.change(&typed(&s, "ecog", "2"), "LM", "2026-12-06T10:01:00.000Z"),
            None
        );
        assert_eq!(s.start_amending(None, ""), Err(AmendProblem::NoReason));
        assert_eq!(
            s.start_amending(Some(Reason::Other), "  "),
            Err(AmendProblem::NoWords)
        );
        s.start_amending(Some(Reason::NewResult), "").unwrap();
        assert!(s.editable("LM"));
        let amended = s
            .change(&typed(&s, "ecog", "2"), "LM", "2026-12-06T10:02:00.000Z")
            .unwrap();
        assert_eq!(amended.status, Status::Amended);
        assert_eq!(
            entries(&amended.history).pop().unwrap().reason,
            Some(Reason::NewResult)
        );
        s.stop_amending();
        assert!(!s.editable("LM"));
    }

    #[test]
    fn another_tabs_newer_version_is_taken_unless_a_conflict_waits() {
        let mut s = open();
        let shown = s.saved().clone();
        let mut theirs = s.saved().clone();
        theirs.label = "S-9".into();
        assert_eq!(
            s.elsewhere(Stored::fresh(theirs.clone(), 1), &shown),
            Elsewhere::Ignored
        );
        assert_eq!(
            s.elsewhere(Stored::fresh(theirs.clone(), 2), &shown),
            Elsewhere::Taken(Box::new(theirs.clone()))
        );
        assert_eq!((s.rev(), s.saved().label.as_str()), (2, "S-9"));
        s.conflicted(Stored::fresh(theirs.clone(), 3));
        assert_eq!(
            s.change(&typed(&s, "ecog", "1"), "LM", "2026-12-06T09:01:00.000Z"),
            None,
            "paused"
        );
        assert_eq!(
            s.elsewhere(Stored::fresh(theirs.clone(), 4), &theirs),
            Elsewhere::ConflictUpdated
        );
        assert_eq!(s.conflict().map(|c| c.rev), Some(4));
    }

    #[test]
    fn another_tabs_version_waits_as_a_conflict_while_this_tab_holds_typing_not_stored() {
        // A save failed (storage full, or the stored copy unreadable): the
        // form holds what the store does not.
        let mut s = open();
        let mine = typed(&s, "ecog", "1");
        let mut theirs = s.saved().clone();
        theirs.label = "S-9".into();
        assert_eq!(
            s.elsewhere(Stored::fresh(theirs, 2), &mine),
            Elsewhere::ConflictUpdated,
            "taking theirs would throw away what was typed here"
        );
        assert_eq!(s.conflict().map(|c| c.rev), Some(2));
        assert!(s.unsaved(&mine));
    }

    #[test]
    fn a_completion_not_stored_is_unsaved() {
        let s = open();
        let mut form = s.saved().clone();
        form.status = Status::Completed;
        assert!(s.unsaved(&form));
    }

    #[test]
    fn keeping_mine_writes_it_over_theirs_as_entries_of_its_history() {
        let mut s = open();
        let mine = typed(&s, "ecog", "1");
        let mut theirs = s.saved().clone();
        theirs.label = "S-9".into();
        s.conflicted(Stored::fresh(theirs, 5));
        assert!(s.keep_mine());
        let store = s.change(&mine, "LM", "2026-12-06T09:05:00.000Z").unwrap();
        assert_eq!(s.rev(), 5);
        let fields: Vec<String> = entries(&store.history)
            .into_iter()
            .skip(1)
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            ["label", "ecog"],
            "the label put back, the ECOG typed"
        );
        assert!(!s.keep_mine(), "nothing waits any more");
    }

    #[test]
    fn using_theirs_shows_their_version() {
        let mut s = open();
        let mut theirs = s.saved().clone();
        theirs.label = "S-9".into();
        s.conflicted(Stored::fresh(theirs.clone(), 5));
        assert_eq!(s.use_theirs(), Some(theirs));
        assert_eq!(s.use_theirs(), None);
    }

    #[test]
    fn what_the_form_holds_is_unsaved_until_the_store_takes_it() {
        let mut s = open();
        let mut form = s.saved().clone();
        form.updated = "2026-12-06T09:00:30.000Z".into();
        assert!(!s.unsaved(&form), "only the time moved: nothing is lost");
        let form = typed(&s, "ecog", "1");
        assert!(
            s.unsaved(&form),
            "typed, not stored yet (the store failed or refused)"
        );
        let store = s.change(&form, "LM", "2026-12-06T09:01:00.000Z").unwrap();
        s.stored(store, 2);
        assert!(!s.unsaved(&form), "stored");
        let mut form = form;
        form.label = "S-2".into();
        assert!(s.unsaved(&form), "the label is recorded too");
    }

    #[test]
    fn a_waiting_conflict_holds_this_tabs_version_here_only_until_a_choice() {
        let mut s = open();
        let mine = typed(&s, "ecog", "1");
        let mut theirs = s.saved().clone();
        theirs.label = "S-9".into();
        s.conflicted(Stored::fresh(theirs.clone(), 5));
        assert!(s.unsaved(&mine));
        assert!(
            s.unsaved(s.saved()),
            "whatever the form shows, a choice waits"
        );
        // Using theirs: the form shows what is stored.
        let shown = s.clone().use_theirs().unwrap();
        let mut used = s.clone();
        used.use_theirs();
        assert!(!used.unsaved(&shown));
        // Keeping mine: unsaved until the next change is stored.
        assert!(s.keep_mine());
        assert!(s.unsaved(&mine));
        let store = s.change(&mine, "LM", "2026-12-06T09:05:00.000Z").unwrap();
        s.stored(store, 6);
        assert!(!s.unsaved(&mine));
    }

    #[test]
    fn a_patients_answer_confirmed_and_not_stored_is_unsaved() {
        let mut saved = open().saved().clone();
        saved.set_input("ecog", "1");
        saved.mark_reported("ecog");
        let s = RecordSession::open(Stored::fresh(saved.clone(), 2));
        assert!(!s.unsaved(&saved));
        let mut form = saved;
        form.confirm("ecog");
        assert!(s.unsaved(&form));
    }

    #[test]
    fn a_record_of_a_newer_app_is_never_changed() {
        let mut stored = Stored::fresh(open().saved().clone(), 3);
        stored.read_only = true;
        let s = RecordSession::open(stored);
        assert!(!s.editable("LM"));
        assert_eq!(
            s.change(&typed(&s, "ecog", "1"), "LM", "2026-12-06T09:01:00.000Z"),
            None
        );
    }
}
