//! The answer cache: pages, downloads and API answers kept by address for the index generation
//! they were made from, so that a page asked again (paging back, a link pasted into a memo, a
//! spreadsheet refreshing its query, the signal tables every visitor opens) costs a lookup instead
//! of a search. An index is immutable once written, so an answer stays true until an ingest
//! switches the generation; the first request that sees the new generation empties the cache.
//! Bounded in bytes, least recently used out first.

use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use lru::LruCache;

/// An answer as it was sent.
pub(super) struct Stored {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

impl Stored {
    pub fn new(status: StatusCode, headers: HeaderMap, body: Bytes) -> Stored {
        Stored {
            status,
            headers,
            body,
        }
    }

    /// What the answer weighs in the cache: its body, its headers and its address.
    fn weight(&self, key: &str) -> usize {
        let headers: usize = self
            .headers
            .iter()
            .map(|(name, value)| name.as_str().len() + value.len())
            .sum();
        self.body.len() + headers + key.len()
    }

    pub fn response(&self) -> Response {
        (self.status, self.headers.clone(), self.body.clone()).into_response()
    }
}

pub(super) struct AnswerCache {
    limit: usize,
    inner: Mutex<Inner>,
}

struct Inner {
    generation: String,
    entries: LruCache<String, Arc<Stored>>,
    bytes: usize,
}

impl AnswerCache {
    /// A cache of at most `limit` bytes; 0 keeps nothing.
    pub fn new(limit: usize) -> AnswerCache {
        AnswerCache {
            limit,
            inner: Mutex::new(Inner {
                generation: String::new(),
                entries: LruCache::unbounded(),
                bytes: 0,
            }),
        }
    }

    pub fn is_off(&self) -> bool {
        self.limit == 0
    }

    /// The largest answer kept: one answer may not push out more than a sixteenth of the rest.
    pub fn largest(&self) -> usize {
        self.limit / 16
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The answer kept for `key` in `generation`; a new generation empties the cache first.
    pub fn get(&self, generation: &str, key: &str) -> Option<Arc<Stored>> {
        let mut inner = self.lock();
        if inner.generation != generation {
            inner.entries.clear();
            inner.bytes = 0;
            inner.generation = generation.to_string();
            return None;
        }
        inner.entries.get(key).cloned()
    }

    /// Keeps `stored` for `key`, made from `generation` or a newer one (the index may switch while
    /// an answer is made; an answer from the newer generation is never wrong for an older key,
    /// since no request reads the older generation again).
    pub fn put(&self, generation: &str, key: String, stored: Stored) {
        let weight = stored.weight(&key);
        if weight > self.largest() {
            return;
        }
        let mut inner = self.lock();
        if inner.generation != generation {
            return;
        }
        if let Some(old) = inner.entries.put(key.clone(), Arc::new(stored)) {
            inner.bytes -= old.weight(&key);
        }
        inner.bytes += weight;
        while inner.bytes > self.limit {
            let Some((key, old)) = inner.entries.pop_lru() else {
                break;
            };
            inner.bytes -= old.weight(&key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> Stored {
        Stored::new(
            StatusCode::OK,
            HeaderMap::new(),
            Bytes::from(text.to_string()),
        )
    }

    #[test]
    fn a_new_generation_empties_the_cache() {
        let cache = AnswerCache::new(1 << 20);
        assert!(cache.get("g1", "/search?q=cyber").is_none());
        cache.put(
            "g1",
            "/search?q=cyber".into(),
            page("Aanpak digitale dreigingen"),
        );
        let kept = cache.get("g1", "/search?q=cyber").expect("kept");
        assert_eq!(kept.body, "Aanpak digitale dreigingen");
        assert!(cache.get("g2", "/search?q=cyber").is_none());
        // An answer made while the generation switched is not kept under the old one.
        cache.put("g1", "/search?q=cyber".into(), page("oud"));
        assert!(cache.get("g2", "/search?q=cyber").is_none());
    }

    #[test]
    fn the_least_recently_used_answers_leave_first_and_big_ones_are_not_kept() {
        let key = |i: usize| format!("/search?q=weerbaarheid&page={i}");
        let cache = AnswerCache::new(16 * 100);
        cache.get("g", "");
        for i in 0..40 {
            cache.put("g", key(i), page(&"é".repeat(20)));
        }
        let kept: Vec<usize> = (0..40)
            .filter(|&i| cache.get("g", &key(i)).is_some())
            .collect();
        let weight = page(&"é".repeat(20)).weight(&key(10));
        assert_eq!(kept.len(), 16 * 100 / weight, "{kept:?}");
        assert_eq!(*kept.last().unwrap(), 39);
        assert!(cache.inner.lock().unwrap().bytes <= 16 * 100);
        cache.put("g", "/themes".into(), page(&"x".repeat(101)));
        assert!(cache.get("g", "/themes").is_none());
    }
}
