//! A screening record, pure: the draft as typed ([`draft`]) with its dates
//! as understood ([`dates`]), its audit trail ([`history`]), records as
//! stored with their tombstones ([`stored`]), labels that are the same
//! ([`labels`]), judging a draft ([`judge`]), what to look at before
//! completing it and a scanned record's review ([`review`]), and the record's files in and
//! out ([`import`], [`export`]), and what an amendment of the criteria
//! changes for it ([`amendment`]). No browser, no clock: times come in as
//! arguments, storage as a `storage::KeyValue`.

pub mod amendment;
pub mod create;
pub mod dates;
pub mod draft;
pub mod export;
pub mod history;
pub mod import;
pub mod judge;
pub mod labels;
pub mod review;
pub mod session;
pub mod stored;
