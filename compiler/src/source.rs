//! Source files and positions: every node of the model points back here.

use std::path::{Path, PathBuf};

/// Index of a file in a [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

/// A position in a source file: 1-based line and column (in characters), and byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// File the position is in.
    pub file: FileId,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in Unicode scalar values.
    pub column: u32,
    /// Byte offset of the start of the span.
    pub start: usize,
    /// Byte offset one past the end of the span.
    pub end: usize,
}

impl Pos {
    /// A position for a whole file when nothing finer is known (line 1, column 1).
    pub fn file_start(file: FileId) -> Self {
        Pos {
            file,
            line: 1,
            column: 1,
            start: 0,
            end: 0,
        }
    }
}

/// A value together with where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub pos: Pos,
}

impl<T> Spanned<T> {
    /// Pairs a value with its position.
    pub fn new(value: T, pos: Pos) -> Self {
        Spanned { value, pos }
    }
}

/// One file of a catalog, as read from disk.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path shown in diagnostics (as given on the command line, joined with the relative path).
    pub path: PathBuf,
    /// The text; empty when the file could not be decoded.
    pub text: String,
    /// Byte offset of the start of every line.
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// Creates a source file and indexes its lines.
    pub fn new(path: PathBuf, text: String) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            path,
            text,
            line_starts,
        }
    }

    /// Byte offset of a 1-based line and 0-based character column, clamped to the text.
    pub fn offset_of(&self, line: usize, col_chars: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        // The next line's start is one past this line's `\n`.
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        let text = &self.text[start..end];
        match text.as_bytes().get(..col_chars) {
            Some(head) if head.is_ascii() => start + col_chars,
            _ => text
                .char_indices()
                .nth(col_chars)
                .map_or(end, |(i, _)| start + i),
        }
    }

    /// The position of a byte range that starts at a 1-based line and 0-based character column.
    pub fn pos(&self, file: FileId, line: usize, col_chars: usize, len_bytes: usize) -> Pos {
        let start = self.offset_of(line, col_chars);
        Pos {
            file,
            line: to_u32(line.max(1)),
            column: to_u32(col_chars + 1),
            start,
            end: (start + len_bytes).min(self.text.len()),
        }
    }

    /// The position of a byte offset.
    pub fn pos_of_offset(&self, file: FileId, offset: usize) -> Pos {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let line_start = self.line_starts[line - 1];
        let column = self
            .text
            .get(line_start..offset)
            .map_or(0, |s| s.chars().count());
        Pos {
            file,
            line: to_u32(line),
            column: to_u32(column + 1),
            start: offset,
            end: offset,
        }
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// All files read in one run; diagnostics refer to them by [`FileId`].
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    /// Adds a file and returns its id.
    pub fn add(&mut self, path: PathBuf, text: String) -> FileId {
        self.files.push(SourceFile::new(path, text));
        FileId(to_u32(self.files.len() - 1))
    }

    /// The file with this id.
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// The display path of a file.
    pub fn path(&self, id: FileId) -> &Path {
        &self.get(id).path
    }

    /// Every file, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(to_u32(i)), f))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_bytes() {
        let f = SourceFile::new("a.yaml".into(), "a: 1\né: xyz\n".into());
        let p = f.pos(FileId(0), 2, 3, 3);
        assert_eq!((p.line, p.column), (2, 4));
        assert_eq!(&f.text[p.start..p.end], "xyz");
        let q = f.pos_of_offset(FileId(0), p.start);
        assert_eq!((q.line, q.column), (2, 4));
    }

    #[test]
    fn offsets_of_columns_agree_with_counting_characters() {
        let text = "ab: 1\né: xyz\r\n\nnö newline at end";
        let f = SourceFile::new("a.yaml".into(), text.into());
        for (line, content) in text.split('\n').enumerate() {
            let start = content.as_ptr() as usize - text.as_ptr() as usize;
            for col in 0..content.chars().count() + 3 {
                let expected = content
                    .char_indices()
                    .nth(col)
                    .map_or(start + content.len(), |(i, _)| start + i);
                assert_eq!(
                    f.offset_of(line + 1, col),
                    expected,
                    "line {line} col {col}"
                );
            }
        }
        assert_eq!(f.offset_of(9, 0), text.len());
    }
}
