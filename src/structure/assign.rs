//! Theme, part and edition for every paragraph of a document.
//!
//! Walking the paragraphs in file order: a theme title opens its theme; a summary box of another
//! edition runs until a development heading, the next title, or a wide layout gap (three blank
//! lines or more); a development heading sets the part. Because extraction puts a theme's first
//! page after its title's page, text under a development heading is weighed between the theme whose
//! title came last and the theme whose title comes next, by the theme words it uses. Footnotes take
//! the labels of the paragraph that carries their marker.

use super::headings::{classify, Heading};
use super::{Basis, Layout, Part};
use crate::repair::{Kind, Paragraph};

/// A gap of this many blank lines or more ends a summary box: the box's frame ends there.
const BOX_GAP: usize = 3;
/// The part a theme's text opens with.
const FIRST_PART: Part = Part::Threat;
/// Without theme titles, a passage needs this many theme words, and more than any other theme has.
const CONTENT_ONLY_MIN: u32 = 2;

/// Where a paragraph stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels {
    /// Index of the theme in the layout.
    pub theme: Option<usize>,
    pub part: Part,
    pub edition: String,
    pub basis: Basis,
    /// The headings above it, outermost first, joined with " > ".
    pub section: String,
}

pub fn label(paragraphs: &[Paragraph], layout: &Layout, edition: &str) -> Vec<Labels> {
    let compiled = layout.compiled();
    let vocabulary = &compiled.vocabulary;
    let headings: Vec<Option<Heading>> = paragraphs
        .iter()
        .map(|p| (p.kind == Kind::Heading).then(|| classify(p.text(), &compiled.titles, edition)))
        .collect();
    let has_titles = headings
        .iter()
        .any(|h| matches!(h, Some(Heading::Theme(_))));
    // For each paragraph, the theme whose title comes next.
    let mut next_theme = vec![None; paragraphs.len()];
    let mut upcoming = None;
    for i in (0..paragraphs.len()).rev() {
        next_theme[i] = upcoming;
        if let Some(Heading::Theme(t)) = headings[i] {
            upcoming = Some(t);
        }
    }

    let mut state = State::default();
    let mut labels = Vec::with_capacity(paragraphs.len());
    for (i, paragraph) in paragraphs.iter().enumerate() {
        match &headings[i] {
            Some(heading) => {
                state.enter(heading, paragraph);
                if matches!(heading, Heading::Part(_) | Heading::Theme(_)) {
                    state.part_owner = None;
                }
            }
            None if state.in_box.is_some() && paragraph.gap_before >= BOX_GAP => {
                state.in_box = None;
                state.part = state.part_before_title;
            }
            None => {}
        }
        let scores = vocabulary.scores(paragraph.text());
        let (theme, basis) = if !has_titles {
            by_content_only(&scores)
        } else if state.in_box.is_some() {
            (state.theme, agreement(state.theme, &scores))
        } else if state.in_section || !state.in_zone {
            (None, Basis::None)
        } else {
            weigh(state.theme, next_theme[i], state.last_theme, &scores)
        };
        let mut part = state.part;
        if headings[i].is_none() && !matches!(paragraph.kind, Kind::Footnote(_)) {
            // A development heading speaks for the theme of the text right under it. Text of the
            // next theme that follows it, before that theme's own title and headings, continues
            // the next theme's first part from its title page.
            match state.part_owner {
                None => state.part_owner = Some(theme),
                Some(owner)
                    if theme.is_some()
                        && owner != theme
                        && state.in_box.is_none()
                        && theme == next_theme[i] =>
                {
                    part = FIRST_PART;
                }
                Some(_) => {}
            }
            if theme.is_some() {
                state.last_theme = theme;
            }
        }
        labels.push(Labels {
            theme,
            part,
            edition: state.in_box.clone().unwrap_or_else(|| edition.to_string()),
            basis,
            section: state
                .trail
                .iter()
                .map(|(_, t)| t.as_str())
                .collect::<Vec<_>>()
                .join(" > "),
        });
    }
    link_footnotes(paragraphs, &mut labels);
    labels
}

#[derive(Default)]
struct State {
    theme: Option<usize>,
    part: Part,
    /// The part before the last theme title, to go back to when that theme's box ends.
    part_before_title: Part,
    in_box: Option<String>,
    in_section: bool,
    /// Inside theme text: after a theme title or a development heading.
    in_zone: bool,
    /// Open headings with their levels.
    trail: Vec<(usize, String)>,
    /// The theme of the first text under the last development heading or title.
    part_owner: Option<Option<usize>>,
    /// The theme of the last body paragraph.
    last_theme: Option<usize>,
}

impl State {
    fn enter(&mut self, heading: &Heading, paragraph: &Paragraph) {
        let level = paragraph.level.unwrap_or(match heading {
            Heading::Theme(_) | Heading::Section => 1,
            Heading::Summary(_) | Heading::Part(_) => 2,
            Heading::Sub => 3,
        });
        while self.trail.last().is_some_and(|(l, _)| *l >= level) {
            self.trail.pop();
        }
        let title = paragraph
            .text()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        self.trail.push((level, title));
        match heading {
            Heading::Theme(t) => {
                self.theme = Some(*t);
                self.part_before_title = self.part;
                self.part = Part::Other;
                self.in_box = None;
                self.in_section = false;
                self.in_zone = true;
            }
            Heading::Section => {
                self.theme = None;
                self.part = Part::Other;
                self.in_box = None;
                self.in_section = true;
                self.in_zone = false;
            }
            Heading::Summary(edition) => {
                self.in_box = Some(edition.clone());
                self.part = Part::Summary;
            }
            Heading::Part(part) => {
                self.in_box = None;
                self.part = *part;
                self.in_section = false;
                self.in_zone = true;
            }
            Heading::Sub => {}
        }
    }
}

/// Between the theme whose title came last and the one whose title comes next, the one the text
/// speaks of more. When it names neither, it goes with the text before it, if that was one of the
/// two; else with the theme whose title came last.
fn weigh(
    current: Option<usize>,
    next: Option<usize>,
    previous: Option<usize>,
    scores: &[u32],
) -> (Option<usize>, Basis) {
    let silent = |t: Option<usize>| t.is_none_or(|t| scores[t] == 0);
    match (current, next) {
        (Some(c), Some(n)) if scores[n] > scores[c] => (Some(n), Basis::Content),
        (Some(c), Some(n)) if silent(Some(c)) && silent(Some(n)) && previous == Some(n) => {
            (Some(n), Basis::Heading)
        }
        (Some(c), _) => (Some(c), agreement(Some(c), scores)),
        (None, Some(n)) => (Some(n), agreement(Some(n), scores)),
        (None, None) => by_content_only(scores),
    }
}

fn agreement(theme: Option<usize>, scores: &[u32]) -> Basis {
    match theme {
        Some(t) if scores[t] > 0 => Basis::Both,
        Some(_) => Basis::Heading,
        None => Basis::None,
    }
}

/// The theme a passage clearly speaks of, for documents without theme titles.
fn by_content_only(scores: &[u32]) -> (Option<usize>, Basis) {
    let mut ranked: Vec<(usize, u32)> = scores.iter().copied().enumerate().collect();
    ranked.sort_by_key(|&(_, score)| std::cmp::Reverse(score));
    match ranked.as_slice() {
        [(t, best), rest @ ..]
            if *best >= CONTENT_ONLY_MIN && rest.first().is_none_or(|(_, s)| s < best) =>
        {
            (Some(*t), Basis::Content)
        }
        _ => (None, Basis::None),
    }
}

/// A footnote stands where its marker stands: the paragraph whose text carried its number.
fn link_footnotes(paragraphs: &[Paragraph], labels: &mut [Labels]) {
    for (i, paragraph) in paragraphs.iter().enumerate() {
        let Kind::Footnote(number) = paragraph.kind else {
            continue;
        };
        let source = paragraphs
            .iter()
            .position(|p| p.notes.contains(&number))
            .or_else(|| {
                (0..i)
                    .rev()
                    .find(|&j| !matches!(paragraphs[j].kind, Kind::Footnote(_)))
            });
        if let Some(j) = source {
            let mut linked = labels[j].clone();
            linked.part = Part::Other;
            labels[i] = linked;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair::paragraphs;
    use crate::structure::ThemeDef;

    fn layout() -> Layout {
        let theme = |id: &str, label: &str, words: &[&str]| ThemeDef {
            id: id.into(),
            label: label.into(),
            vocabulary: words.iter().map(|w| w.to_string()).collect(),
        };
        Layout::new(
            vec![
                theme(
                    "polarisatie",
                    "Polarisatie tegengaan",
                    &["polarisatie", "onbehagen"],
                ),
                theme(
                    "vitale-infrastructuur",
                    "Versterkte aanpak beschermen vitale infrastructuur",
                    &["vitale infrastructuur", "Wbni", "supply chain"],
                ),
            ],
            vec!["Inleiding".into()],
            vec!["NVS 2019".into(), "NVS midterm review 2021".into()],
        )
    }

    /// (first words, theme id, part, edition, basis) for each paragraph.
    fn labelled(source: &str) -> Vec<(String, Option<String>, &'static str, String, &'static str)> {
        let layout = layout();
        let found = paragraphs(source);
        let labels = label(&found, &layout, "NVS midterm review 2021");
        found
            .iter()
            .zip(labels)
            .map(|(p, l)| {
                (
                    p.text()
                        .split_whitespace()
                        .take(3)
                        .collect::<Vec<_>>()
                        .join(" "),
                    l.theme.map(|t| layout.themes[t].id.clone()),
                    l.part.name(),
                    l.edition,
                    l.basis.name(),
                )
            })
            .collect()
    }

    #[test]
    fn boxes_parts_and_text_before_its_title() {
        // Lines of the seed (516-625), shortened: theme 3's resilience text comes before its title.
        let source = "\
Polarisatie tegengaan\n\
\n\
Ontwikkeling van de aanpak\n\
In de NVS 2019 is sprake van een versterkte aanpak op polarisatie en dit blijft noodzakelijk.\n\
\n\
Ontwikkeling van de weerbaarheid\n\
Hierbij moet gedacht worden aan de implementatie van de Wbni om de digitale veiligheid van de vitale infrastructuur te versterken.\n\
\n \n\n\
 Versterkte aanpak beschermen vitale \ninfrastructuur \n \n \n\n\
Korte samenvatting NVS 2019 \n \n\n\
Processen worden vitaal verklaard vanwege de voorziene impact op Nederlandse veiligheidsbelangen bij uitval of verstoring.\n\
 \n\n\
Het kabinet acht het van groot belang dat bij het toetsen van nationale veiligheidsrisico's voor de vitale infrastructuur.\n\
\n\n \n\
Ontwikkeling van de dreiging en de risico's\n\
De Nederlandse vitale infrastructuur wordt gevormd door processen die zo belangrijk zijn voor onze samenleving.\n";
        let rows = labelled(source);
        let find = |start: &str| {
            rows.iter()
                .find(|r| r.0.starts_with(start))
                .unwrap_or_else(|| panic!("{start}: {rows:?}"))
                .clone()
        };
        let polarisation = find("In de NVS");
        assert_eq!(
            (polarisation.1.as_deref(), polarisation.2),
            (Some("polarisatie"), "approach")
        );
        let before_title = find("Hierbij moet gedacht");
        assert_eq!(
            (before_title.1.as_deref(), before_title.2, before_title.4),
            (Some("vitale-infrastructuur"), "resilience", "content")
        );
        for start in ["Processen worden vitaal", "Het kabinet acht"] {
            let boxed = find(start);
            assert_eq!(
                (boxed.1.as_deref(), boxed.2, boxed.3.as_str()),
                (Some("vitale-infrastructuur"), "summary", "NVS 2019")
            );
        }
        let threat = find("De Nederlandse vitale");
        assert_eq!(
            (threat.2, threat.3.as_str(), threat.4),
            ("threat", "NVS midterm review 2021", "both")
        );
    }

    #[test]
    fn a_wide_gap_ends_a_box_and_the_part_before_it_returns() {
        let source = "\
Ontwikkeling van de weerbaarheid\n\
In de eerste zesjaarlijkse herijking van het Deltaprogramma staat de vitale infrastructuur centraal.\n\
\n\
Polarisatie tegengaan\n\
\n\
Korte samenvatting NVS 2019\n\
\n\
Mensen maken zich zorgen over de samenleving en kunnen een groeiend gevoel van onbehagen ervaren.\n\
\n\n\n\n\n\
Met het Deltaprogramma werkt Nederland aan klimaatadaptatie en aan het tegengaan van polarisatie.\n";
        let rows = labelled(source);
        let boxed = rows.iter().find(|r| r.0.starts_with("Mensen")).unwrap();
        assert_eq!((boxed.2, boxed.3.as_str()), ("summary", "NVS 2019"));
        let after = rows.iter().find(|r| r.0.starts_with("Met het")).unwrap();
        assert_eq!(
            (after.1.as_deref(), after.2, after.3.as_str()),
            (Some("polarisatie"), "resilience", "NVS midterm review 2021")
        );
    }

    #[test]
    fn introduction_and_sections_have_no_theme() {
        let rows = labelled("Inleiding\nIn dit document analyseren we de ontwikkeling van de risico's en de polarisatie.\n\nPolarisatie tegengaan\nMensen maken zich zorgen over polarisatie en onbehagen in de samenleving.\n");
        assert_eq!(rows[1].1, None);
        assert_eq!(rows[1].4, "none");
        assert_eq!(rows[3].1.as_deref(), Some("polarisatie"));
    }

    #[test]
    fn without_titles_a_passage_gets_the_theme_it_clearly_speaks_of() {
        assert_eq!(by_content_only(&[3, 1]), (Some(0), Basis::Content));
        assert_eq!(by_content_only(&[2, 2]), (None, Basis::None));
        assert_eq!(by_content_only(&[1, 0]), (None, Basis::None));
    }
}
