//! Facet counts: how many of a query's passages fall in each edition, theme, series and part, read
//! from the index's columns (fast fields) in one pass over the matches, so that the workbench can
//! show its filters with counts without fetching a single passage.

use std::collections::BTreeMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::query::FieldName;

/// The fields a search page filters on, in the order it shows them.
pub const FACETS: [FieldName; 4] = [
    FieldName::Edition,
    FieldName::Theme,
    FieldName::Series,
    FieldName::Part,
];

/// Passages per stored value, for each field of [`FACETS`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    counts: BTreeMap<FieldName, BTreeMap<String, u64>>,
}

impl Facets {
    /// Passages per value of `field`; values without passages are absent.
    pub fn of(&self, field: FieldName) -> Option<&BTreeMap<String, u64>> {
        self.counts.get(&field)
    }

    /// How many passages hold `value` in `field`.
    pub fn count(&self, field: FieldName, value: &str) -> u64 {
        self.of(field)
            .and_then(|c| c.get(value))
            .copied()
            .unwrap_or(0)
    }

    pub(crate) fn set(&mut self, field: FieldName, counts: BTreeMap<String, u64>) {
        self.counts.insert(field, counts);
    }
}

/// Counts the values of some fields over the documents a query matches.
pub(crate) struct FacetCollector {
    /// Schema names of the fields, each a fast string column.
    pub fields: Vec<&'static str>,
}

pub(crate) struct FacetSegment {
    columns: Vec<Option<StrColumn>>,
    /// Per field, matches per term ordinal of the segment's column.
    tallies: Vec<Vec<u64>>,
}

impl Collector for FacetCollector {
    type Fruit = Vec<BTreeMap<String, u64>>;
    type Child = FacetSegment;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<FacetSegment> {
        let columns = self
            .fields
            .iter()
            .map(|name| reader.fast_fields().str(name))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let tallies = columns
            .iter()
            .map(|c| vec![0; c.as_ref().map_or(0, |c| c.num_terms())])
            .collect();
        Ok(FacetSegment { columns, tallies })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut merged = vec![BTreeMap::new(); self.fields.len()];
        for fruit in fruits {
            for (into, from) in merged.iter_mut().zip(fruit) {
                for (value, n) in from {
                    *into.entry(value).or_insert(0) += n;
                }
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for FacetSegment {
    type Fruit = Vec<BTreeMap<String, u64>>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        for (column, tally) in self.columns.iter().zip(&mut self.tallies) {
            if let Some(ord) = column.as_ref().and_then(|c| c.ords().first(doc)) {
                tally[ord as usize] += 1;
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.columns
            .iter()
            .zip(self.tallies)
            .map(|(column, tally)| {
                let mut counts = BTreeMap::new();
                let Some(column) = column else {
                    return counts;
                };
                let used: Vec<u64> = (0..tally.len() as u64)
                    .filter(|&ord| tally[ord as usize] > 0)
                    .collect();
                // One walk through the dictionary for all of them, not a block decoded per value.
                let mut counted = used.iter().map(|&ord| tally[ord as usize]);
                let _ = column.dictionary().sorted_ords_to_term_cb(&used, |bytes| {
                    if let Some(n) = counted.next() {
                        counts.insert(String::from_utf8_lossy(bytes).into_owned(), n);
                    }
                });
                counts
            })
            .collect()
    }
}
