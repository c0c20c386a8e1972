//! Continuation lines that kubectl reads and a YAML 1.2 parser rejects.
//!
//! A quoted scalar or a flow collection may run over several lines. YAML 1.2 wants every
//! line after the first indented deeper than the block that holds it; go-yaml v2, which
//! kubectl and Argo read YAML with, does not check. So this passes kubectl and fails the
//! parser:
//!
//! ```yaml
//! args: ['
//!   echo hello
//! ']
//! ```
//!
//! Leading white space of a continuation line is not part of the value (a quoted scalar
//! folds it away, a flow collection skips it), so indenting such a line changes nothing a
//! program reads. When the parser stops on one, [`Shallow`] says which lines to indent and
//! how far; the loader parses the indented text again and maps every position back to the
//! text the user wrote with [`Padding`].

/// A quoted scalar or flow collection with continuation lines that are not indented enough.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shallow {
    /// Byte offsets of the starts of the lines to indent, ascending.
    pub lines: Vec<u32>,
    /// The indentation they get: the column (from 0) where the scalar or collection starts,
    /// which the parser accepted.
    pub column: u32,
    /// Where the parse failed, as a byte offset.
    pub at: u32,
}

/// The lines of the quoted scalar starting at byte `quote` of `text` that are indented less
/// than `column`; `None` when the scalar does not end or no line needs indenting.
pub fn quoted_scalar(text: &str, quote: u32, column: u32) -> Option<Shallow> {
    let mut lines = Vec::new();
    quoted_end(text, quote as usize, column, &mut lines)?;
    shallow(lines, column, quote)
}

/// The lines of the flow collection whose `[` or `{` is at byte `open` of `text` that are
/// indented less than `column`, for a parse that failed at byte `at`; `None` when the
/// collection does not end or no line needs indenting.
pub fn flow_collection(text: &str, open: u32, column: u32, at: u32) -> Option<Shallow> {
    let mut lines = Vec::new();
    flow_end(text, open as usize, column, &mut lines)?;
    shallow(lines, column, at)
}

/// The outermost flow collection around byte `at` of `text`, for a parser that stopped
/// inside one before it reported opening it: the byte of its `[` or `{` and its column.
/// Only an opener where a value can start counts (after `: `, `- `, `,`, `[`, `{` or
/// indentation), not one inside a plain scalar such as `x[0]`; the search goes back at
/// most 64 openers and not past the start of the document.
pub fn enclosing_flow(text: &str, at: u32) -> Option<(u32, u32)> {
    let bytes = text.as_bytes();
    let mut found = None;
    let mut tried = 0;
    let mut i = (at as usize).min(bytes.len());
    while i > 0 && tried < 64 {
        i -= 1;
        match bytes[i] {
            b'\n' if text[i + 1..].starts_with("---") => break,
            b'[' | b'{' => {}
            _ => continue,
        }
        let before = &text[..i];
        let trimmed = before.trim_end_matches([' ', '\t']);
        let spaced = trimmed.len() < before.len();
        let starts_value = match trimmed.as_bytes().last() {
            None | Some(b'\n' | b',' | b'[' | b'{') => true,
            Some(b':' | b'-' | b'?') => spaced,
            Some(_) => false,
        };
        if !starts_value {
            continue;
        }
        tried += 1;
        if flow_end(text, i, 0, &mut Vec::new()).is_some_and(|end| end > at as usize) {
            let line = before.rfind('\n').map_or(0, |n| n + 1);
            let column = u32::try_from(before[line..].chars().count()).ok()?;
            found = Some((u32::try_from(i).ok()?, column));
        }
    }
    found
}

/// The byte after the flow collection whose `[` or `{` is at byte `open`, adding its lines
/// indented less than `column` to `lines`; `None` when it does not end.
fn flow_end(text: &str, open: usize, column: u32, lines: &mut Vec<u32>) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    // The last character that is not white space: a quote starts a quoted scalar only where
    // a value can start, not inside a plain one (`[it's]`).
    let mut last = b',';
    let mut i = open;
    loop {
        let b = *bytes.get(i)?;
        match b {
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            b'\'' | b'"' if matches!(last, b'[' | b'{' | b',' | b':' | b'?') => {
                i = quoted_end(text, i, column, lines)?;
                last = b;
                continue;
            }
            b'#' if i == 0 || bytes[i - 1].is_ascii_whitespace() => {
                i += bytes[i..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .unwrap_or(bytes.len() - i);
                continue;
            }
            b'\n' => {
                i += 1;
                push_if_shallow(text, i, column, lines)?;
                continue;
            }
            b' ' | b'\t' | b'\r' => {
                i += 1;
                continue;
            }
            _ => {}
        }
        last = b;
        i += 1;
    }
}

/// The byte after the quoted scalar that starts at byte `quote`, adding its lines indented
/// less than `column` to `lines`; `None` when it does not end.
fn quoted_end(text: &str, quote: usize, column: u32, lines: &mut Vec<u32>) -> Option<usize> {
    let bytes = text.as_bytes();
    let single = match bytes.get(quote)? {
        b'\'' => true,
        b'"' => false,
        _ => return None,
    };
    let mut i = quote + 1;
    loop {
        match *bytes.get(i)? {
            b'\'' if single => {
                if bytes.get(i + 1) != Some(&b'\'') {
                    return Some(i + 1);
                }
                i += 2;
            }
            b'\\' if !single => i += 2,
            b'"' if !single => return Some(i + 1),
            b'\n' => {
                i += 1;
                push_if_shallow(text, i, column, lines)?;
            }
            _ => i += 1,
        }
    }
}

/// Adds the line starting at byte `start` to `lines` when it is indented less than
/// `column`. `None` only for an offset beyond 4 GiB.
fn push_if_shallow(text: &str, start: usize, column: u32, lines: &mut Vec<u32>) -> Option<()> {
    if indentation(text, start) < column as usize {
        lines.push(u32::try_from(start).ok()?);
    }
    Some(())
}

fn shallow(lines: Vec<u32>, column: u32, at: u32) -> Option<Shallow> {
    (!lines.is_empty()).then_some(Shallow { lines, column, at })
}

/// Spaces and tabs at the start of the line that starts at byte `start`.
fn indentation(text: &str, start: usize) -> usize {
    text.get(start..).map_or(0, |line| {
        line.bytes()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .count()
    })
}

/// The spaces put in front of lines, and how to find the user's positions again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Padding {
    /// `(offset of the line in the user's text, its line number from 1, spaces added)`,
    /// ascending.
    lines: Vec<(u32, u32, u32)>,
    /// Where each of `lines` starts in the padded text, for finding it by binary search.
    starts: Vec<u32>,
}

impl Padding {
    fn new(lines: Vec<(u32, u32, u32)>) -> Option<Padding> {
        let mut shift = 0u32;
        let mut starts = Vec::with_capacity(lines.len());
        for &(offset, _, added) in &lines {
            starts.push(offset.checked_add(shift)?);
            shift = shift.checked_add(added)?;
        }
        Some(Padding { lines, starts })
    }

    /// `text` (already padded by `self`) with the lines of `shallow` indented, and the
    /// padding of the result. `None` when the text would grow beyond `max_len` bytes or
    /// 4 GiB.
    pub fn apply(
        &self,
        text: &str,
        shallow: &Shallow,
        max_len: usize,
    ) -> Option<(String, Padding)> {
        let missing =
            |line: u32| (shallow.column as usize).saturating_sub(indentation(text, line as usize));
        let grown = text.len() + shallow.lines.iter().map(|&l| missing(l)).sum::<usize>();
        if grown > max_len {
            return None;
        }
        let mut out = String::with_capacity(grown);
        let mut lines = self.lines.clone();
        let mut copied = 0;
        // Line numbers are counted as the copy goes, since the lines come in order.
        let mut number = 1;
        for &line in &shallow.lines {
            let spaces = missing(line);
            let before = text.get(copied..line as usize)?;
            number += before.bytes().filter(|&b| b == b'\n').count();
            out.push_str(before);
            out.extend(std::iter::repeat_n(' ', spaces));
            copied = line as usize;
            let number = u32::try_from(number).ok()?;
            lines.push((self.original(line), number, u32::try_from(spaces).ok()?));
        }
        out.push_str(text.get(copied..)?);
        u32::try_from(out.len()).ok()?;
        // A line indented in two rounds keeps one entry with the spaces of both.
        lines.sort_by_key(|&(offset, _, _)| offset);
        lines.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.2 += later.2;
            }
            same
        });
        Some((out, Padding::new(lines)?))
    }

    /// The offset in the user's text of byte `offset` of the padded text; an offset inside
    /// added spaces becomes the start of its line.
    pub fn original(&self, offset: u32) -> u32 {
        let k = self.starts.partition_point(|&start| start <= offset);
        let Some(j) = k.checked_sub(1) else {
            return offset;
        };
        let (line, _, added) = self.lines[j];
        let start = self.starts[j];
        if offset < start.saturating_add(added) {
            line
        } else {
            // Everything added up to and including this line comes before `offset`.
            offset - (start - line) - added
        }
    }

    /// The column in the user's text of column `col` (from 1) of line `line`.
    pub fn column(&self, line: u32, col: u32) -> u32 {
        match self
            .lines
            .binary_search_by_key(&line, |&(_, number, _)| number)
        {
            Ok(i) if col > self.lines[i].2 => col - self.lines[i].2,
            Ok(_) => 1,
            Err(_) => col,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_scalars_end_at_their_closing_quote() {
        let text = "a:\n  b: 'x\n  y'' z\n    w\n  ' \nc: 'd\ne'\n";
        let quote = text.find('\'').unwrap() as u32;
        let lines = |shallow: Shallow| -> Vec<&str> {
            shallow
                .lines
                .iter()
                .map(|&l| text[l as usize..].lines().next().unwrap())
                .collect()
        };
        // `''` is a quote inside the scalar; the line after its end is not part of it.
        assert_eq!(
            lines(quoted_scalar(text, quote, 5).unwrap()),
            ["  y'' z", "    w", "  ' "]
        );
        assert_eq!(
            lines(quoted_scalar(text, quote, 3).unwrap()),
            ["  y'' z", "  ' "]
        );
        let text = "a: \"x\\\"\ny\"\n";
        let shallow = quoted_scalar(text, 3, 3).unwrap();
        assert_eq!(shallow.lines, [8]);
        assert_eq!(quoted_scalar("a: 'x\ny", 3, 3), None);
        assert_eq!(quoted_scalar("a: 'x\n    y'", 3, 3), None);
    }

    #[test]
    fn flow_collections_end_at_their_closing_bracket() {
        let text = "a:\n  b: [x, {c: 'it''s\n  ]'},\n  it's, # ]\n  \"\\\"]\"]\n  d: 1\n";
        let open = text.find('[').unwrap() as u32;
        let shallow = flow_collection(text, open, 6, open + 20).unwrap();
        let lines: Vec<&str> = shallow
            .lines
            .iter()
            .map(|&l| text[l as usize..].lines().next().unwrap())
            .collect();
        assert_eq!(lines, ["  ]'},", "  it's, # ]", "  \"\\\"]\"]"]);
        assert_eq!(shallow.at, open + 20);
        assert_eq!(flow_collection("a: [x,\n  y", 3, 3, 9), None);
        assert_eq!(flow_collection("a: [x,\n     y]", 3, 3, 9), None);
    }

    #[test]
    fn the_enclosing_flow_collection_is_found_from_inside_it() {
        let text = "a:\n- x[0]\n- [p, [q,\nr], {s: t,\nu}]\n";
        let at = text.find('u').unwrap() as u32;
        let open = text.find("[p").unwrap() as u32;
        assert_eq!(enclosing_flow(text, at), Some((open, 2)));
        let r = text.find('r').unwrap() as u32;
        assert_eq!(enclosing_flow(text, r), Some((open, 2)));
        // `x[0]` is a plain scalar, and a collection that closed before does not count.
        assert_eq!(enclosing_flow("a: x[0,\nb", 9), None);
        assert_eq!(enclosing_flow("a: [0]\nb: 1\n", 9), None);
        // Nor does one in an earlier document.
        assert_eq!(enclosing_flow("a: [x,\n---\ny]\n", 11), None);
    }

    #[test]
    fn padding_maps_offsets_and_columns_back() {
        let text = "a: 'x\ny\nz'\nb: 1\n";
        let shallow = quoted_scalar(text, 3, 3).unwrap();
        let (padded, padding) = Padding::default().apply(text, &shallow, 64).unwrap();
        assert_eq!(padded, "a: 'x\n   y\n   z'\nb: 1\n");
        let y = padded.find('y').unwrap() as u32;
        assert_eq!(padding.original(y), text.find('y').unwrap() as u32);
        assert_eq!(padding.original(7), 6);
        let b = padded.find('b').unwrap() as u32;
        assert_eq!(padding.original(b), text.find('b').unwrap() as u32);
        assert_eq!(padding.column(2, 4), 1);
        assert_eq!(padding.column(2, 2), 1);
        assert_eq!(padding.column(4, 1), 1);

        let b_line = Shallow {
            lines: vec![b],
            column: 2,
            at: b,
        };
        assert_eq!(padding.apply(&padded, &b_line, 20), None);
        let (twice, padding) = padding.apply(&padded, &b_line, 64).unwrap();
        assert_eq!(twice, "a: 'x\n   y\n   z'\n  b: 1\n");
        let b = twice.find('b').unwrap() as u32;
        assert_eq!(padding.original(b), text.find('b').unwrap() as u32);
        assert_eq!(padding.column(4, 3), 1);
    }
}
