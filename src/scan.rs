//! Byte scans eight ASCII bytes at a time (SWAR, one `u64` for eight bytes): the text is nearly
//! all ASCII, and repair, structure, signals and analysis each pass over every byte of it. A
//! foundation below the pipeline, like [`crate::lang`]: it knows bytes, not documents.

/// The high bit of each of eight bytes.
pub const HIGH: u64 = 0x8080_8080_8080_8080;
const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of `chunk` that lies in `low..=high`. Exact for ASCII bytes; a
/// non-ASCII byte can only disturb the bytes after it (its carry runs upwards), never those before.
pub fn bytes_in(chunk: u64, low: u8, high: u8) -> u64 {
    let at_least = chunk.wrapping_add(ONES * u64::from(0x80 - low));
    let above = chunk.wrapping_add(ONES * u64::from(0x7f - high));
    at_least & !above & HIGH
}

/// How many bytes `bytes` starts with that are ASCII and not stops. `stops` marks, with the high
/// bit of each byte, the ASCII bytes of an eight-byte chunk (little-endian) that end the run; a
/// non-ASCII byte always ends it.
pub fn ascii_run(bytes: &[u8], stops: impl Fn(u64) -> u64) -> usize {
    let mut at = 0;
    loop {
        let chunk = match bytes.get(at..at + 8) {
            Some(chunk) => u64::from_le_bytes(chunk.try_into().expect("eight bytes")),
            None => {
                // The tail, padded with non-ASCII bytes, which end the run where the text ends.
                let mut padded = [0x80; 8];
                padded[..bytes.len() - at].copy_from_slice(&bytes[at..]);
                u64::from_le_bytes(padded)
            }
        };
        let ends = (chunk | stops(chunk)) & HIGH;
        if ends != 0 {
            return at + ends.trailing_zeros() as usize / 8;
        }
        at += 8;
    }
}

/// The ASCII letters of `chunk`, marked as [`bytes_in`] marks.
pub fn letters(chunk: u64) -> u64 {
    // Upper case to lower: only letters land in a..=z with the 0x20 bit set.
    bytes_in(chunk | (ONES * 0x20), b'a', b'z')
}

/// The ASCII digits of `chunk`, marked as [`bytes_in`] marks.
pub fn digits(chunk: u64) -> u64 {
    bytes_in(chunk, b'0', b'9')
}

/// The ASCII letters and digits of `chunk`, marked as [`bytes_in`] marks.
pub fn alphanumeric(chunk: u64) -> u64 {
    letters(chunk) | digits(chunk)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn finds_where_plain_ascii_ends_in_a_seed_line() {
        let line = "De NVS 2019 is één strategie";
        assert_eq!(ascii_run(line.as_bytes(), |_| 0), 15);
        assert_eq!(ascii_run(line.as_bytes(), |c| bytes_in(c, b'0', b'9')), 7);
        assert_eq!(ascii_run(line.as_bytes(), |c| !alphanumeric(c)), 2);
        assert_eq!(ascii_run(b"", |_| 0), 0);
        assert_eq!(ascii_run(b"weerbaarheid", |_| 0), 12);
    }

    proptest! {
        /// Eight at a time agrees with one at a time, across chunk edges and after non-ASCII bytes.
        #[test]
        fn runs_agree_with_a_byte_loop(text in "[aZ09`/:@\\[{ ëé’]{0,40}") {
            let bytes = text.as_bytes();
            let plain = |b: &u8| b.is_ascii() && *b != b'`' && !b.is_ascii_digit();
            prop_assert_eq!(
                ascii_run(bytes, |c| bytes_in(c, b'`', b'`') | digits(c)),
                bytes.iter().take_while(|b| plain(b)).count()
            );
            prop_assert_eq!(
                ascii_run(bytes, |c| !alphanumeric(c)),
                bytes.iter().take_while(|b| b.is_ascii_alphanumeric()).count()
            );
        }
    }
}
