//! Prints the text horizon makes of a PDF: pages in reading order, paragraphs apart by a blank
//! line, headings as `#` lines, a form feed after each page; the text the repair stage reads. For
//! comparing horizon's layout with another extractor (docs/PDF.md): `horizon-pdftext FILE.pdf`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: horizon-pdftext FILE.pdf");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("horizon-pdftext: {}: {err}", path.to_string_lossy());
            return ExitCode::FAILURE;
        }
    };
    let known = |word: &str| horizon::lang::word_list().count(word) > 0;
    match horizon::corpus::pdf::read(bytes, horizon::corpus::pdf::TIME_LIMIT, known) {
        Ok(read) => {
            print!("{}", read.text);
            eprintln!(
                "{} pages, {} without text, {} ligature words restored, {} left; title {:?}, created {:?}",
                read.pages,
                read.image_pages.len(),
                read.ligatures.restored,
                read.ligatures.unresolved,
                read.title,
                read.created
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("horizon-pdftext: {}: {err}", path.to_string_lossy());
            ExitCode::FAILURE
        }
    }
}
