//! The analyzer's memory of the words it has analysed. Analysing a word (stemming, trying compound
//! splits) costs microseconds; looking it up again costs one hash and one probe. Each analyzer clone
//! keeps a cache of two generations, and all clones share what any of them analysed.
//!
//! Words and terms of up to [`INLINE`] bytes (nearly all Dutch ones) are kept inside the table's
//! entries, so a hit reads one entry and no other allocation.

use std::hash::BuildHasher;
use std::sync::{PoisonError, RwLock};

use hashbrown::hash_table::Entry as Slot;
use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

/// Words analysed once per analyzer clone are remembered: up to this many recent ones, and as many
/// from before, so that a full cache keeps the words in common use instead of starting cold.
pub const CACHE_LIMIT: usize = 100_000;
/// Words analysed by any clone are kept for all clones (tantivy clones the analyzer for every
/// segment it writes), up to this many.
const SHARED_LIMIT: usize = 500_000;

type WordMap = HashTable<Entry>;

/// A word and what it becomes, one to a cache line: a word looked up is one memory access, not
/// two. Entries of 72 bytes straddled lines, and lookups waiting on memory were the largest cost of
/// analysing the OCR'd papers (a tenth of their ingest).
#[derive(Clone)]
#[repr(align(64))]
struct Entry {
    word: Word,
    analysed: Analysed,
}

const _: () = assert!(std::mem::size_of::<Entry>() == 64);

/// What the analyzer makes of one lower-cased word: its own term, then the terms of its compound
/// parts; no term at all for a stop word.
#[derive(Clone, Debug)]
pub struct Analysed {
    /// Empty for a stop word.
    first: Word,
    /// A boxed slice rather than a vector, so that an [`Entry`] fits a cache line.
    parts: Box<[Word]>,
}

impl Analysed {
    pub fn new(terms: Vec<String>) -> Analysed {
        let mut terms = terms.into_iter().map(|t| Word::new(&t));
        Analysed {
            first: terms.next().unwrap_or_else(|| Word::new("")),
            parts: terms.collect(),
        }
    }

    pub fn terms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(&self.first)
            .filter(|w| !w.is_empty())
            .chain(&self.parts)
            .map(Word::as_str)
    }

    pub fn is_stop_word(&self) -> bool {
        self.first.is_empty()
    }
}

/// Bytes a [`Word`] holds inline: nearly every Dutch word and term.
const INLINE: usize = 22;

/// A word or term, short ones inline, so that the cache compares and copies it from the entry it
/// has just found rather than from another allocation.
#[derive(Clone, Debug)]
enum Word {
    Inline { len: u8, bytes: [u8; INLINE] },
    Long(Box<str>),
}

impl Word {
    fn new(text: &str) -> Word {
        if text.len() <= INLINE {
            let mut bytes = [0; INLINE];
            bytes[..text.len()].copy_from_slice(text.as_bytes());
            Word::Inline {
                len: text.len() as u8,
                bytes,
            }
        } else {
            Word::Long(text.into())
        }
    }

    fn as_bytes(&self) -> &[u8] {
        match self {
            Word::Inline { len, bytes } => &bytes[..usize::from(*len)],
            Word::Long(text) => text.as_bytes(),
        }
    }

    fn as_str(&self) -> &str {
        match self {
            Word::Inline { .. } => {
                std::str::from_utf8(self.as_bytes()).expect("made from a str, cut at its end")
            }
            Word::Long(text) => text,
        }
    }

    fn is_empty(&self) -> bool {
        self.as_bytes().is_empty()
    }
}

fn hash(word: &[u8]) -> u64 {
    FxBuildHasher.hash_one(word)
}

/// The hash of an entry's word, for a table that grows.
fn rehash(entry: &Entry) -> u64 {
    hash(entry.word.as_bytes())
}

/// Finds `word` in `map`, whose hash is `hash`.
fn find<'a>(map: &'a WordMap, hash: u64, word: &str) -> Option<&'a Analysed> {
    map.find(hash, |entry| entry.word.as_bytes() == word.as_bytes())
        .map(|entry| &entry.analysed)
}

/// Analysed words in two generations: a word is looked up in the recent one, then taken over from
/// the older one; when the recent one is full it becomes the older one.
#[derive(Clone)]
pub struct WordCache {
    recent: WordMap,
    older: WordMap,
    limit: usize,
}

impl WordCache {
    pub fn new(limit: usize) -> WordCache {
        WordCache {
            recent: WordMap::new(),
            older: WordMap::new(),
            limit,
        }
    }

    /// Words held, in both generations.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.recent.len() + self.older.len()
    }

    /// One hash and one probe for a word seen before, which is nearly every word. A word new to
    /// this cache comes from its older generation, else from `shared`, else from `analyse`.
    pub fn get_or_analyse(
        &mut self,
        lower: &str,
        shared: &SharedWords,
        analyse: impl FnOnce(&str) -> Analysed,
    ) -> &Analysed {
        let hash = hash(lower.as_bytes());
        make_room(&mut self.recent, self.limit);
        if self.recent.len() >= self.limit && find(&self.recent, hash, lower).is_none() {
            // Sized for a full generation at once: growing it step by step rehashes every word.
            let fresh = WordMap::with_capacity(self.limit);
            self.older = std::mem::replace(&mut self.recent, fresh);
        }
        match self.recent.entry(
            hash,
            |entry| entry.word.as_bytes() == lower.as_bytes(),
            rehash,
        ) {
            Slot::Occupied(slot) => &slot.into_mut().analysed,
            Slot::Vacant(slot) => {
                let analysed = match self
                    .older
                    .find_entry(hash, |entry| entry.word.as_bytes() == lower.as_bytes())
                {
                    Ok(old) => old.remove().0.analysed,
                    Err(_) => shared.get_or_analyse(lower, hash, analyse),
                };
                let entry = Entry {
                    word: Word::new(lower),
                    analysed,
                };
                &slot.insert(entry).into_mut().analysed
            }
        }
    }
}

/// Every word analysed by any clone of an analyzer (tantivy clones it for every segment it writes),
/// up to [`SHARED_LIMIT`] words.
#[derive(Default)]
pub struct SharedWords(RwLock<WordMap>);

/// The words a table first has room for: as many as a query's analyzer (a clone for each query)
/// needs.
const FIRST_ROOM: usize = 1 << 10;
/// How many times larger a full table grows while it is smaller than [`GROWN`]: eight times,
/// rather than hashbrown's two, rehashes the words of a corpus's first megabytes a third as often
/// and keeps a small corpus's tables small.
const GROWTH: usize = 8;
/// From this many words on a table doubles, so that it is never much larger than the vocabulary
/// (eightfold, the shared words of a 900 MB archive took 75 MB).
const GROWN: usize = 1 << 16;

/// Makes room in `map` before it fills, up to `full` words.
fn make_room(map: &mut WordMap, full: usize) {
    if map.len() < map.capacity() {
        return;
    }
    let growth = if map.capacity() < GROWN { GROWTH } else { 2 };
    let room = (map.capacity() * growth).clamp(FIRST_ROOM, full.max(FIRST_ROOM));
    if room > map.len() {
        map.reserve(room - map.len(), rehash);
    }
}

impl SharedWords {
    /// What `lower` (whose hash is `hash`) becomes: known already, or analysed now and kept.
    fn get_or_analyse(
        &self,
        lower: &str,
        hash: u64,
        analyse: impl FnOnce(&str) -> Analysed,
    ) -> Analysed {
        let shared = self.0.read().unwrap_or_else(PoisonError::into_inner);
        if let Some(known) = find(&shared, hash, lower) {
            return known.clone();
        }
        drop(shared);
        let analysed = analyse(lower);
        let mut shared = self.0.write().unwrap_or_else(PoisonError::into_inner);
        if shared.len() < SHARED_LIMIT {
            make_room(&mut shared, SHARED_LIMIT);
            let entry = Entry {
                word: Word::new(lower),
                analysed: analysed.clone(),
            };
            shared.insert_unique(hash, entry, rehash);
        }
        analysed
    }

    #[cfg(test)]
    pub fn contains(&self, word: &str) -> bool {
        let shared = self.0.read().unwrap_or_else(PoisonError::into_inner);
        find(&shared, hash(word.as_bytes()), word).is_some()
    }
}
