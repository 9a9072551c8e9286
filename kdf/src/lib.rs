//! Argon2id key derivation for the passcode lock, in one place: the app's
//! vault (native, tests) calls [`derive`], and the browser runs the same
//! function from this crate's own small wasm module inside a Web Worker
//! (`web/kdf-worker.js`), so the tens of MiB the derivation needs belong to
//! the worker and are returned when it ends (a wasm memory never shrinks:
//! derived in the app's own module, they would stay with the app).
//!
//! The wasm interface is three plain exports and no imports, so the worker
//! needs no generated glue: [`kdf_alloc`] a buffer, write the passcode and
//! salt into it, call [`kdf_derive`], read the 32-byte key back.

use argon2::{Algorithm, Argon2, Params, Version};

/// Argon2id with `m_kib` KiB of memory, `t` passes and `p` lanes: a
/// 32-byte key from `passcode` and `salt`. `None` if the parameters are
/// out of Argon2's range (a damaged vault description) or memory ran out.
pub fn derive(passcode: &[u8], salt: &[u8], m_kib: u32, t: u32, p: u32) -> Option<[u8; 32]> {
    let params = Params::new(m_kib, t, p, Some(32)).ok()?;
    let mut out = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passcode, salt, &mut out)
        .ok()?;
    Some(out)
}

/// Reserves `len` bytes of this module's memory for the caller to write
/// into (never freed: the worker's whole instance is dropped after one call).
#[cfg(all(target_arch = "wasm32", feature = "worker"))]
#[unsafe(no_mangle)]
pub extern "C" fn kdf_alloc(len: usize) -> *mut u8 {
    let mut buf = vec![0u8; len];
    let ptr = buf.as_mut_ptr();
    std::mem::forget(buf);
    ptr
}

/// Derives into the 32 bytes at `out`: `passcode_len` bytes at `passcode`,
/// `salt_len` bytes at `salt`. Returns 0 on success, 1 when the parameters
/// are refused.
///
/// # Safety
/// The pointers must come from [`kdf_alloc`] with at least those lengths.
#[cfg(all(target_arch = "wasm32", feature = "worker"))]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kdf_derive(
    passcode: *const u8,
    passcode_len: usize,
    salt: *const u8,
    salt_len: usize,
    m_kib: u32,
    t: u32,
    p: u32,
    out: *mut u8,
) -> u32 {
    // SAFETY: the caller wrote these buffers through `kdf_alloc`.
    let (passcode, salt, out) = unsafe {
        (
            std::slice::from_raw_parts(passcode, passcode_len),
            std::slice::from_raw_parts(salt, salt_len),
            std::slice::from_raw_parts_mut(out, 32),
        )
    };
    match derive(passcode, salt, m_kib, t, p) {
        Some(key) => {
            out.copy_from_slice(&key);
            0
        }
        None => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_passcode_and_salt_give_the_same_key_and_others_do_not() {
        let a = derive(b"tablet-2468", &[7; 16], 64, 1, 1).unwrap();
        assert_eq!(a, derive(b"tablet-2468", &[7; 16], 64, 1, 1).unwrap());
        assert_ne!(a, derive(b"tablet-2469", &[7; 16], 64, 1, 1).unwrap());
        assert_ne!(a, derive(b"tablet-2468", &[8; 16], 64, 1, 1).unwrap());
    }

    #[test]
    fn out_of_range_parameters_are_refused_not_a_panic() {
        assert_eq!(derive(b"x", &[0; 16], 0, 0, 0), None);
        assert_eq!(derive(b"x", &[0; 2], 64, 1, 1), None, "salt too short");
    }
}
