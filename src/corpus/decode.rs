//! File checks and decoding: from the bytes of a file to text, or a reason (with line) why not.
//! Text that is not UTF-8 is read as Windows-1252 (a superset of Latin-1, what Dutch Windows
//! exports are) with a warning, unless the caller is strict.

/// A document's text and where it starts in the file.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Bytes skipped at the start of the file (a UTF-8 byte-order mark).
    pub offset: usize,
    /// Set when the bytes were not UTF-8 and were read as Windows-1252: where the first such byte is.
    pub fallback: Option<DecodeError>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("empty file; add its text or remove it from the corpus")]
    Empty,
    #[error(
        "a PDF file under a text name; convert it to text first (e.g. pdftotext FILE.pdf FILE.txt)"
    )]
    Pdf,
    #[error("a Word or other ZIP document under a text name; save it as plain text (UTF-8) first")]
    Zip,
    #[error("a binary file, not text (NUL byte at line {line}); save the document as plain text (UTF-8)")]
    Binary { line: usize },
    #[error("not UTF-8 text: byte 0x{byte:02X} at line {line}, column {column} cannot be read; save the file as UTF-8")]
    NotUtf8 {
        line: usize,
        column: usize,
        byte: u8,
    },
}

impl DecodeError {
    /// The line the problem is on, where there is one.
    pub fn line(&self) -> Option<usize> {
        match self {
            DecodeError::Binary { line } | DecodeError::NotUtf8 { line, .. } => Some(*line),
            _ => None,
        }
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes `bytes` as UTF-8, or when they are not, as Windows-1252 (`strict` refuses instead).
pub fn decode_lenient(bytes: &[u8], strict: bool) -> Result<Decoded, DecodeError> {
    match decode(bytes) {
        Err(err @ DecodeError::NotUtf8 { .. }) if !strict => {
            let text: String = bytes.iter().map(|&b| windows_1252(b)).collect();
            if text.trim().is_empty() {
                return Err(DecodeError::Empty);
            }
            Ok(Decoded {
                text,
                offset: 0,
                fallback: Some(err),
            })
        }
        other => other,
    }
}

/// The character a Windows-1252 byte stands for.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[(byte - 0x80) as usize],
        other => other as char,
    }
}

/// Checks that `bytes` are a UTF-8 text document and decodes them.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.starts_with(b"%PDF-") {
        return Err(DecodeError::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(DecodeError::Zip);
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(DecodeError::Binary {
            line: line_of(bytes, at),
        });
    }
    let offset = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let body = &bytes[offset..];
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(err) => {
            let at = err.valid_up_to();
            let line_start = body[..at]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1);
            // Column in characters, as an editor shows it.
            let column = String::from_utf8_lossy(&body[line_start..at])
                .chars()
                .count()
                + 1;
            return Err(DecodeError::NotUtf8 {
                line: line_of(body, at),
                column,
                byte: body[at],
            });
        }
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(Decoded {
        text: text.to_string(),
        offset,
        fallback: None,
    })
}

fn line_of(bytes: &[u8], at: usize) -> usize {
    bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_utf8_and_skips_a_byte_order_mark() {
        let decoded = decode("\u{feff}Geïntegreerde risicoanalyse".as_bytes()).unwrap();
        assert_eq!(decoded.text, "Geïntegreerde risicoanalyse");
        assert_eq!(decoded.offset, 3);
    }

    #[test]
    fn names_line_and_column_of_a_windows_1252_byte() {
        // "geïntegreerde" saved as Windows-1252: ï is the single byte 0xEF.
        let bytes = b"Inleiding\nde ge\xEFntegreerde aanpak\n";
        assert_eq!(
            decode(bytes),
            Err(DecodeError::NotUtf8 {
                line: 2,
                column: 6,
                byte: 0xEF
            })
        );
        assert_eq!(
            decode(bytes).unwrap_err().to_string(),
            "not UTF-8 text: byte 0xEF at line 2, column 6 cannot be read; save the file as UTF-8"
        );
    }

    #[test]
    fn reads_windows_1252_with_a_note_unless_strict() {
        let bytes = b"Inleiding\nde ge\xEFntegreerde aanpak \x96 de risico\x92s\n";
        let decoded = decode_lenient(bytes, false).unwrap();
        assert_eq!(
            decoded.text,
            "Inleiding\nde geïntegreerde aanpak – de risico’s\n"
        );
        assert_eq!(
            decoded.fallback,
            Some(DecodeError::NotUtf8 {
                line: 2,
                column: 6,
                byte: 0xEF
            })
        );
        assert!(matches!(
            decode_lenient(bytes, true),
            Err(DecodeError::NotUtf8 { .. })
        ));
        assert_eq!(
            decode_lenient("één".as_bytes(), false).unwrap().fallback,
            None
        );
    }

    #[test]
    fn refuses_empty_binary_and_pdf() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n \n"), Err(DecodeError::Empty));
        assert_eq!(decode(b"%PDF-1.7\n..."), Err(DecodeError::Pdf));
        assert_eq!(decode(b"PK\x03\x04word"), Err(DecodeError::Zip));
        assert_eq!(decode(b"a\nb\0c"), Err(DecodeError::Binary { line: 2 }));
    }
}
