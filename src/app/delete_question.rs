//! A row's delete question in the records list, while it is open: which
//! record, and what has been answered so far. The list keeps it rather than
//! the row, so it survives the rows being drawn anew (a change of language,
//! a save in another tab) with the reason chosen, the words typed and the
//! answer the keyboard was on.

use crate::record::stored::{DeleteError, DeletionReason};

/// What a deletion lacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    /// No reason chosen.
    Reason,
    /// "Other" chosen without words.
    ReasonText,
    /// No valid initials for this session.
    Initials,
}

/// One of the question's answers, as the form asks it: where the keyboard
/// can be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// One reason's choice.
    Reason(DeletionReason),
    /// The reason in the screener's words.
    Words,
}

/// An open delete question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeleteQuestion {
    /// The record it asks about.
    pub id: String,
    /// The reason chosen, if any.
    pub reason: Option<DeletionReason>,
    /// The reason in the screener's words, as typed.
    pub words: String,
    /// What the last try lacked, if it was refused.
    pub missing: Option<Missing>,
    /// The answer the keyboard was on when the form asking it was last
    /// drawn away, if one: a form drawn anew (the rows redrawn) puts it
    /// back there, so what is typed next is not lost.
    pub keyboard: Option<Answer>,
}

impl DeleteQuestion {
    /// The question about the record `id`, nothing answered yet.
    pub fn new(id: &str) -> DeleteQuestion {
        DeleteQuestion {
            id: id.to_string(),
            reason: None,
            words: String::new(),
            missing: None,
            keyboard: None,
        }
    }

    /// Whether it asks about the record `id`.
    pub fn asks_about(&self, id: &str) -> bool {
        self.id == id
    }

    /// The list's open question `open`, if it asks about the record `id`.
    pub fn about<'q>(open: &'q Option<DeleteQuestion>, id: &str) -> Option<&'q DeleteQuestion> {
        open.as_ref().filter(|q| q.asks_about(id))
    }

    /// The same, to answer it.
    pub fn about_mut<'q>(
        open: &'q mut Option<DeleteQuestion>,
        id: &str,
    ) -> Option<&'q mut DeleteQuestion> {
        open.as_mut().filter(|q| q.asks_about(id))
    }

    /// The reason to delete with; without one, notes that it is missing.
    pub fn reason_to_delete(&mut self) -> Option<DeletionReason> {
        if self.reason.is_none() {
            self.missing = Some(Missing::Reason);
        }
        self.reason
    }

    /// Notes what the store's refusal says is missing. Storage failing is
    /// none of the answers' (the app's banner says so): nothing is noted.
    pub fn refused(&mut self, why: &DeleteError) {
        match why {
            DeleteError::NoInitials => self.missing = Some(Missing::Initials),
            DeleteError::ReasonTextRequired => self.missing = Some(Missing::ReasonText),
            DeleteError::Store(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::StoreError;

    #[test]
    fn without_a_reason_nothing_is_deleted_and_the_question_says_so() {
        let mut q = DeleteQuestion::new("r1");
        assert!(q.asks_about("r1") && !q.asks_about("r2"));
        let open = Some(q.clone());
        assert!(DeleteQuestion::about(&open, "r1").is_some());
        assert!(
            DeleteQuestion::about(&open, "r2").is_none(),
            "another record's question"
        );
        assert_eq!(q.reason_to_delete(), None);
        assert_eq!(q.missing, Some(Missing::Reason));
        q.reason = Some(DeletionReason::Duplicate);
        assert_eq!(q.reason_to_delete(), Some(DeletionReason::Duplicate));
    }

    #[test]
    fn a_refusal_names_the_answer_it_lacks_and_keeps_what_was_typed() {
        let mut q = DeleteQuestion::new("r1");
        q.reason = Some(DeletionReason::Other);
        q.words = "  ".into();
        q.refused(&DeleteError::ReasonTextRequired);
        assert_eq!(q.missing, Some(Missing::ReasonText));
        q.refused(&DeleteError::NoInitials);
        assert_eq!(q.missing, Some(Missing::Initials));
        q.refused(&DeleteError::Store(StoreError::Full("quota".into())));
        assert_eq!(
            q.missing,
            Some(Missing::Initials),
            "storage says nothing of the answers"
        );
        assert_eq!(
            (q.reason, q.words.as_str()),
            (Some(DeletionReason::Other), "  ")
        );
    }
}
