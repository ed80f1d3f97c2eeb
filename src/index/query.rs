//! The query language: words, "phrases", AND, OR, NOT (also EN, OF, NIET), a leading `-`, parentheses.
//!
//! Parsed here into a small tree; [`super::search`] analyses its words with the Dutch analyzer and
//! builds the tantivy query. Words side by side are all required, as people expect of a search box.

use std::fmt;

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Word(String),
    Phrase(String),
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct QueryError {
    pub query: String,
    pub problem: String,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the query {:?} does not parse: {}; write words, \"a phrase\", AND, OR, NOT and (parentheses)",
            self.query, self.problem
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Lexeme {
    Word(String),
    Phrase(String),
    And,
    Or,
    Not,
    Open,
    Close,
}

pub fn parse(query: &str) -> Result<Node, QueryError> {
    let fail = |problem: String| QueryError {
        query: query.to_string(),
        problem,
    };
    let lexemes = lex(query).map_err(fail)?;
    let mut parser = Parser {
        lexemes: &lexemes,
        at: 0,
    };
    let node = parser.or().map_err(fail)?;
    match parser.peek() {
        None => Ok(node),
        Some(Lexeme::Close) => Err(fail("a ')' has no matching '('".into())),
        Some(other) => Err(fail(format!("unexpected {}", describe(other)))),
    }
}

fn lex(query: &str) -> Result<Vec<Lexeme>, String> {
    let mut out = Vec::new();
    let mut chars = query.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '(' => {
                chars.next();
                out.push(Lexeme::Open);
            }
            ')' => {
                chars.next();
                out.push(Lexeme::Close);
            }
            '"' | '“' | '”' | '„' => {
                chars.next();
                let mut phrase = String::new();
                let mut closed = false;
                for (_, c) in chars.by_ref() {
                    if matches!(c, '"' | '“' | '”') {
                        closed = true;
                        break;
                    }
                    phrase.push(c);
                }
                if !closed {
                    return Err(format!(
                        "the phrase starting at character {} has no closing quote",
                        start + 1
                    ));
                }
                out.push(Lexeme::Phrase(phrase));
            }
            // A '-' that starts a token excludes; inside a word ("Covid-19") the word branch keeps it.
            '-' => {
                chars.next();
                if chars.peek().is_some_and(|&(_, c)| !c.is_whitespace()) {
                    out.push(Lexeme::Not);
                }
            }
            _ => {
                let mut word = String::new();
                while let Some(&(_, c)) = chars.peek() {
                    if c.is_whitespace() || matches!(c, '(' | ')' | '"' | '“' | '”' | '„') {
                        break;
                    }
                    word.push(c);
                    chars.next();
                }
                out.push(match word.as_str() {
                    "AND" | "EN" => Lexeme::And,
                    "OR" | "OF" => Lexeme::Or,
                    "NOT" | "NIET" => Lexeme::Not,
                    _ => Lexeme::Word(word),
                });
            }
        }
    }
    Ok(out)
}

struct Parser<'a> {
    lexemes: &'a [Lexeme],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Lexeme> {
        self.lexemes.get(self.at)
    }

    fn or(&mut self) -> Result<Node, String> {
        let mut parts = vec![self.and()?];
        while self.peek() == Some(&Lexeme::Or) {
            self.at += 1;
            parts.push(self.and()?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Node::Or(parts)
        })
    }

    fn and(&mut self) -> Result<Node, String> {
        let mut parts = vec![self.unary()?];
        loop {
            match self.peek() {
                Some(Lexeme::And) => {
                    self.at += 1;
                    parts.push(self.unary()?);
                }
                Some(Lexeme::Word(_) | Lexeme::Phrase(_) | Lexeme::Not | Lexeme::Open) => {
                    parts.push(self.unary()?)
                }
                _ => break,
            }
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Node::And(parts)
        })
    }

    fn unary(&mut self) -> Result<Node, String> {
        match self.peek().cloned() {
            Some(Lexeme::Not) => {
                self.at += 1;
                Ok(Node::Not(Box::new(self.unary()?)))
            }
            Some(Lexeme::Open) => {
                self.at += 1;
                let inner = self.or()?;
                if self.peek() != Some(&Lexeme::Close) {
                    return Err("a '(' is not closed".into());
                }
                self.at += 1;
                Ok(inner)
            }
            Some(Lexeme::Word(word)) => {
                self.at += 1;
                Ok(Node::Word(word))
            }
            Some(Lexeme::Phrase(phrase)) => {
                self.at += 1;
                Ok(Node::Phrase(phrase))
            }
            Some(other) => Err(format!(
                "{} has nothing before or after it",
                describe(&other)
            )),
            None => Err("it ends where a word is expected".into()),
        }
    }
}

fn describe(lexeme: &Lexeme) -> String {
    match lexeme {
        Lexeme::Word(w) => format!("word '{w}'"),
        Lexeme::Phrase(p) => format!("phrase \"{p}\""),
        Lexeme::And => "AND".into(),
        Lexeme::Or => "OR".into(),
        Lexeme::Not => "NOT".into(),
        Lexeme::Open => "'('".into(),
        Lexeme::Close => "')'".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(w: &str) -> Node {
        Node::Word(w.into())
    }

    #[test]
    fn words_side_by_side_are_all_required() {
        assert_eq!(
            parse("cyberaanvallen Rusland").unwrap(),
            Node::And(vec![word("cyberaanvallen"), word("Rusland")])
        );
    }

    #[test]
    fn operators_phrases_and_groups() {
        assert_eq!(
            parse("(Rusland OR China) AND NOT \"economische veiligheid\" -Iran").unwrap(),
            Node::And(vec![
                Node::Or(vec![word("Rusland"), word("China")]),
                Node::Not(Box::new(Node::Phrase("economische veiligheid".into()))),
                Node::Not(Box::new(word("Iran"))),
            ])
        );
        assert_eq!(
            parse("“risico’s” OF dreigingen").unwrap(),
            Node::Or(vec![Node::Phrase("risico’s".into()), word("dreigingen")])
        );
    }

    #[test]
    fn hyphens_inside_words_are_not_negation() {
        assert_eq!(parse("Covid-19").unwrap(), word("Covid-19"));
        assert_eq!(parse("EU-grondgebied").unwrap(), word("EU-grondgebied"));
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let problem = |q: &str| parse(q).unwrap_err().problem;
        assert_eq!(problem("(rusland OR china"), "a '(' is not closed");
        assert_eq!(problem("rusland)"), "a ')' has no matching '('");
        assert_eq!(problem("rusland AND"), "it ends where a word is expected");
        assert_eq!(problem("OR china"), "OR has nothing before or after it");
        assert!(problem("\"nationale veiligheid").contains("no closing quote"));
        assert!(parse("(")
            .unwrap_err()
            .to_string()
            .starts_with("the query \"(\" does not parse:"));
    }
}
