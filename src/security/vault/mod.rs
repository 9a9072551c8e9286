//! The passcode vault for shared tablets: records encrypted at rest with
//! AES-256-GCM under a random data key, the data key wrapped by a key
//! derived from the passcode with Argon2id (RustCrypto crates; nothing
//! home-made). The passcode's whole life is here: the rules a passcode must
//! meet, creating a vault without ever losing a record, unlocking, changing
//! and removing the passcode, and the stored wait after wrong passcodes.
//!
//! Pure: randomness comes in through [`Random`] (the browser's
//! `crypto.getRandomValues`), and so does the passcode-derived key
//! ([`Kek`]): the browser derives it in a Web Worker (crate `ctit-kdf`),
//! native code and tests with [`derive`]. Everything here runs and tests
//! natively.
//!
//! Storage: the vault's description is one plain JSON entry ([`crate::storage::keys::VAULT_KEY`]).
//! Once it exists, every record and patient value is sealed under its own
//! storage key ([`VaultStore`]); a value in the clear there is reported as
//! unreadable (never trusted), except the records listed, sealed, in the
//! vault's own state as written before the passcode was set and not yet
//! sealed (storage ran out while sealing: sealing resumes on the next
//! unlock) or while the passcode is being removed.
//!
//! In files by what they are: `passcode` (the rules, the wait), `random`,
//! `kdf` (the derivation's cost and key), `seal` (AES-GCM), `meta` (the
//! stored description), `store` (the guarded and the unlocked store),
//! `ops` (create, change, rewrap, remove).

mod kdf;
mod meta;
mod ops;
mod passcode;
mod random;
mod seal;
mod store;
#[cfg(test)]
pub(crate) mod tests;

pub use kdf::*;
pub use meta::*;
pub use ops::*;
pub use passcode::*;
pub use random::*;
pub use seal::*;
pub use store::*;
