//! Structure: where each passage stands in its document. Owns the document's headings (themes,
//! summary boxes, development parts, sections), the theme, part and edition of every paragraph, and
//! the cutting of paragraphs into passages that never straddle two of those.
//!
//! It knows themes only as the plain [`Layout`] the pipeline hands it (ids, titles, vocabulary), so
//! the lexicon and the signals stay downstream. PDF extraction scrambles page order: a theme's text
//! often comes before its title, a box is followed by another page. Theme attribution therefore
//! weighs position against what a passage says, and records how it decided ([`Basis`]).

mod assign;
mod content;
mod headings;
mod passages;

pub use assign::Labels;
pub use passages::{passages, Passage, MAX_CHARS};

/// A theme as the structure stage needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeDef {
    pub id: String,
    /// The title it has as a heading ("Statelijke dreigingen tegengaan").
    pub label: String,
    /// Words that say a passage is about it (matched at word starts, so they catch compounds).
    pub vocabulary: Vec<String>,
}

/// What the structure stage knows about the documents of a corpus.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub themes: Vec<ThemeDef>,
    /// Titles of sections that belong to no theme ("Inleiding").
    pub sections: Vec<String>,
    /// Every edition name the corpus knows, so a heading like "Korte samenvatting NVS 2019" can
    /// hand its box to edition "NVS 2019".
    pub editions: Vec<String>,
    /// The themes' words and the titles compiled for matching, built once for all documents.
    compiled: std::sync::OnceLock<Compiled>,
}

/// What matching needs of a layout, prepared once rather than per paragraph.
#[derive(Debug, Clone)]
struct Compiled {
    vocabulary: content::Vocabulary,
    titles: headings::Titles,
}

impl Layout {
    pub fn new(themes: Vec<ThemeDef>, sections: Vec<String>, editions: Vec<String>) -> Layout {
        Layout {
            themes,
            sections,
            editions,
            compiled: std::sync::OnceLock::new(),
        }
    }

    fn compiled(&self) -> &Compiled {
        self.compiled.get_or_init(|| Compiled {
            vocabulary: content::Vocabulary::new(&self.themes),
            titles: headings::Titles::new(self),
        })
    }
}

/// Which part of a theme's text a passage belongs to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// A summary box of an earlier edition ("Korte samenvatting NVS 2019").
    Summary,
    /// "Ontwikkeling van de dreiging en de risico's".
    Threat,
    /// "Ontwikkeling van de weerbaarheid".
    Resilience,
    /// "Ontwikkeling van de aanpak".
    Approach,
    #[default]
    Other,
}

impl Part {
    pub const ALL: [Part; 5] = [
        Part::Summary,
        Part::Threat,
        Part::Resilience,
        Part::Approach,
        Part::Other,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Part::Summary => "summary",
            Part::Threat => "threat",
            Part::Resilience => "resilience",
            Part::Approach => "approach",
            Part::Other => "other",
        }
    }

    pub fn by_name(name: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// How a passage's theme was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// By the theme title it stands under (or before), its words saying nothing to the contrary.
    Heading,
    /// By what it says, against or without a heading.
    Content,
    /// Heading and words agree.
    Both,
    /// It has no theme (introduction, closing, or nothing to go on).
    None,
}

impl Basis {
    pub fn name(self) -> &'static str {
        match self {
            Basis::Heading => "heading",
            Basis::Content => "content",
            Basis::Both => "both",
            Basis::None => "none",
        }
    }
}

/// The passages of one document, labelled with theme, part and edition; `edition` is the document's
/// own edition, which every passage has unless it sits in a box of another edition.
pub fn structure(
    paragraphs: &[crate::repair::Paragraph],
    layout: &Layout,
    edition: &str,
) -> Vec<Passage> {
    let labels = assign::label(paragraphs, layout, edition);
    passages(paragraphs, &labels, layout)
}
