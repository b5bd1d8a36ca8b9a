//! The one hash of object keys, and the set of one object's key hashes, shared by both paths.

use std::collections::HashSet;
use std::hash::BuildHasher;
use std::sync::LazyLock;

/// The hash of an object key: foldhash (the hash `hashbrown` uses) with a seed drawn once
/// per process. Both paths compare keys by it. In the single pass a collision only sends the
/// document down the slow path; in the scan it counts as a repeated key, which is harmless
/// (the document is read through a `Value`, with the same result) except past 16 MiB, where
/// repeated keys are refused: the random seed is what keeps a crafted document from forcing
/// that refusal.
pub(crate) fn key_hash(bytes: &[u8]) -> u64 {
    static STATE: LazyLock<foldhash::quality::RandomState> = LazyLock::new(Default::default);
    STATE.hash_one(bytes)
}

/// The key hashes of one object: inline while few, a hash set once it grows.
#[derive(Default)]
pub(crate) struct KeySet {
    few: [u64; KeySet::FEW],
    len: usize,
    many: HashSet<u64>,
}

impl KeySet {
    /// Keys held inline before spilling into the hash set: no allocation for most objects.
    const FEW: usize = 16;

    /// Adds `hash`; false when it was already there.
    pub(crate) fn insert(&mut self, hash: u64) -> bool {
        if self.len < Self::FEW {
            if self.few[..self.len].contains(&hash) {
                return false;
            }
            self.few[self.len] = hash;
            self.len += 1;
            return true;
        }
        if self.many.is_empty() {
            self.many.extend(self.few);
        }
        self.many.insert(hash)
    }
}
