//! AES-256-GCM, in one place: a value sealed under a key and bound to its
//! place (associated data), and opened again; a record's stored envelope.

use super::*;
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde::{Deserialize, Serialize};

/// A sealed value: a 96-bit nonce and the AES-GCM ciphertext (with its tag).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed {
    /// Nonce, base64.
    pub n: String,
    /// Ciphertext, base64.
    pub c: String,
}

/// AES-256-GCM of `plaintext` under `key` and `nonce`, bound to `aad`.
pub(crate) fn seal_with(key: &[u8; 32], nonce: [u8; 12], plaintext: &[u8], aad: &[u8]) -> Sealed {
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key));
    // Encryption with a 12-byte nonce and in-memory buffers cannot fail.
    let ct = cipher
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: plaintext,
                aad,
            },
        )
        .unwrap_or_default();
    Sealed {
        n: B64.encode(nonce),
        c: B64.encode(ct),
    }
}

/// Opens what [`seal_with`] sealed (`None`: wrong key, other `aad`, or altered).
pub(crate) fn open_with(key: &[u8; 32], sealed: &Sealed, aad: &[u8]) -> Option<Vec<u8>> {
    let nonce = B64.decode(&sealed.n).ok()?;
    let ct = B64.decode(&sealed.c).ok()?;
    if nonce.len() != 12 {
        return None;
    }
    Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key))
        .decrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: ct.as_slice(),
                aad,
            },
        )
        .ok()
}

#[derive(Serialize, Deserialize)]
pub(super) struct Envelope {
    pub(super) sealed: u32,
    pub(super) n: String,
    pub(super) c: String,
}

pub(super) fn envelope(key: &DataKey, nonce: [u8; 12], storage_key: &str, value: &str) -> String {
    let sealed = seal_with(&key.0, nonce, value.as_bytes(), storage_key.as_bytes());
    serde_json::to_string(&Envelope {
        sealed: 2,
        n: sealed.n,
        c: sealed.c,
    })
    .unwrap_or_default()
}
