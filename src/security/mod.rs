//! Keeping records safe on a shared tablet, pure: the passcode vault
//! ([`vault`]: encryption at rest, the passcode's rules and wait, creating,
//! re-keying and removing), the encrypted backup file ([`backup`]), one
//! tab's lock session ([`session`]: the key handed between tabs, idle), and
//! what the app's tabs may tell each other about the data key ([`tabs`]).
//! Randomness and the passcode-derived key come in from the caller.

pub mod backup;
pub mod session;
pub mod tabs;
pub mod vault;
