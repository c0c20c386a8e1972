//! From the bytes of one file to its YAML documents, with every node spanned.
//!
//! [`load`] never fails and never panics: whatever is wrong with a file becomes a
//! [`LoadProblem`] and the documents that could be read are kept. The tree is built from
//! `saphyr_parser` events without recursion, so nesting costs heap, not stack.
//!
//! # Limits
//!
//! Each limit turns a hostile or broken file into a problem instead of a hang or an
//! out-of-memory; [`Limits::default`] holds the values of SPEC section 9:
//!
//! | limit | default | when it trips |
//! |---|---|---|
//! | `max_bytes` | 64 MiB | the file is not parsed at all (`TooLarge`) |
//! | `max_depth` | 256 nested maps/lists | the document is skipped (`TooDeep`) |
//! | `max_alias_nodes` | 100,000 nodes per file | the document is skipped (`TooManyAliases`) |
//! | `max_documents` | 10,000 per file | later documents are not read (`TooManyDocuments`) |
//!
//! Aliases are expanded, as Kubernetes expands them, by copying the anchored node; every
//! node copied counts against `max_alias_nodes`, including the copy kept of each anchored
//! node (without that, anchors nested over one large map would copy it once per level).
//! An anchored node too large for what is left of the budget is not kept, and an alias to
//! it trips the limit. The budget is per file rather than per document so that memory stays
//! bounded however many documents a file holds: a classic "billion laughs" file trips it
//! after 100,000 copies, while real manifests (Helm and kustomize output have no aliases at
//! all) stay far below it. Byte offsets are `u32`, so
//! `max_bytes` is capped at 4 GiB and `max_depth` at [`HARD_MAX_DEPTH`], which keeps the
//! recursive walks over a tree (clone, drop, JSON conversion, rules) well inside the stack
//! of a worker thread.
//!
//! # Positions
//!
//! The parser counts positions in characters; spans are converted to byte offsets here. For
//! ASCII text (nearly every manifest) the two are the same and nothing is computed; other
//! text gets a table of the byte offset of every 64th character, so that each conversion
//! walks at most 63 characters whatever the length of a line.
//!
//! An alias expands to a copy of its anchored node, spans included: the copy points at the
//! text that defined it, which is where a fix has to be made.
use std::collections::HashMap;
use std::fmt;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError};

use super::node::{Node, Span, Style, Tag, Value, resolve};
use super::shallow::{self, Padding, Shallow};

/// Duplicate keys reported one by one in a file; the rest are counted in one last problem,
/// so that a file of a million repeated keys cannot make a million messages.
const MAX_DUPLICATE_REPORTS: usize = 100;

/// The deepest nesting that [`Limits::max_depth`] can allow, whatever it is set to.
pub const HARD_MAX_DEPTH: usize = 1024;

/// Bounds that keep loading one file cheap whatever the file holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest file read, in bytes.
    pub max_bytes: u64,
    /// Deepest nesting of maps and lists in a document.
    pub max_depth: usize,
    /// Most nodes that alias expansion may copy in one file.
    pub max_alias_nodes: usize,
    /// Most documents read from one file, empty ones included.
    pub max_documents: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 64 * 1024 * 1024,
            max_depth: 256,
            max_alias_nodes: 100_000,
            max_documents: 10_000,
        }
    }
}

/// What went wrong while loading a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// The text is not valid YAML; documents before the error are kept.
    Parse,
    /// A map has the same key twice; the last value is kept, as kubectl keeps it.
    DuplicateKey,
    /// The file is not UTF-8; nothing in it is read.
    NotUtf8,
    /// The file is larger than [`Limits::max_bytes`]; nothing in it is read.
    TooLarge,
    /// Aliases expand to more than [`Limits::max_alias_nodes`] nodes.
    TooManyAliases,
    /// Maps and lists nest deeper than [`Limits::max_depth`].
    TooDeep,
    /// The file has more than [`Limits::max_documents`] documents.
    TooManyDocuments,
    /// A merge key (`<<`) whose value is not a map or a list of maps; the document is
    /// skipped, as kubectl rejects it.
    InvalidMerge,
    /// An alias to a node that contains it or is in another document; the document is
    /// skipped.
    BadAlias,
}

impl ProblemKind {
    /// A stable kebab-case name, for rule names and machine output.
    pub fn name(self) -> &'static str {
        match self {
            ProblemKind::Parse => "parse-error",
            ProblemKind::DuplicateKey => "duplicate-key",
            ProblemKind::NotUtf8 => "not-utf8",
            ProblemKind::TooLarge => "file-too-large",
            ProblemKind::TooManyAliases => "too-many-aliases",
            ProblemKind::TooDeep => "nesting-too-deep",
            ProblemKind::TooManyDocuments => "too-many-documents",
            ProblemKind::InvalidMerge | ProblemKind::BadAlias => "parse-error",
        }
    }
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One thing wrong with a file. `span` is `None` only when the problem is the whole file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadProblem {
    pub kind: ProblemKind,
    pub message: String,
    pub span: Option<Span>,
}

/// One non-empty document of a file. `index` counts from 0 over every document of the
/// stream, empty ones included, so it matches the `---` separators a user sees.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub index: usize,
    pub root: Node,
}

/// A loaded file: its text (for snippets), its documents and what went wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceFile {
    /// The path as the user should see it.
    pub path: String,
    /// The text the spans point into. Empty for a file too large to read; for a file that is
    /// not UTF-8, the bad bytes are replaced (offsets before the first one are unchanged).
    pub text: String,
    pub documents: Vec<Document>,
    pub problems: Vec<LoadProblem>,
}

/// Loads one file; see the module docs for what can go wrong and what is kept.
pub fn load(display_path: &str, bytes: &[u8], limits: &Limits) -> SourceFile {
    load_owned(display_path, bytes.to_vec(), limits)
}

/// [`load`] for bytes the caller gives up: valid UTF-8 becomes the file's text without a
/// copy.
pub fn load_owned(display_path: &str, bytes: Vec<u8>, limits: &Limits) -> SourceFile {
    let mut file = SourceFile {
        path: display_path.to_owned(),
        text: String::new(),
        documents: Vec::new(),
        problems: Vec::new(),
    };
    let max_bytes = limits.max_bytes.min(u64::from(u32::MAX));
    if bytes.len() as u64 > max_bytes {
        file.problems.push(LoadProblem {
            kind: ProblemKind::TooLarge,
            message: format!(
                "file is larger than the limit of {}",
                human_bytes(max_bytes)
            ),
            span: None,
        });
        return file;
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let valid_up_to = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            file.problems.push(not_utf8(&bytes, valid_up_to));
            file.text = String::from_utf8_lossy(&bytes).into_owned();
            return file;
        }
    };
    (file.documents, file.problems) = load_stream(&text, limits);
    file.text = text;
    file
}

/// Times a file is parsed again with more continuation lines indented (see [`shallow`]),
/// and the bytes all those parses may read together, so that a hostile file costs at most
/// a few parses of its size.
const MAX_REPADDINGS: usize = 256;
const REPADDING_BYTES: usize = 64 << 20;

/// The documents and problems of `text`. Where the parser stops on continuation lines that
/// kubectl reads (see [`shallow`]), they are indented and the text parsed again, as long as
/// each parse gets further than the one before; positions are then mapped back to `text`.
fn build(
    text: &str,
    limits: &Limits,
    budget: &mut usize,
    document_base: usize,
) -> (Vec<Document>, Vec<LoadProblem>, Counts) {
    let (mut documents, mut problems, mut shallow, mut counts) = parse(text, limits, document_base);
    let mut padded: Option<(String, Padding)> = None;
    // Indenting a line adds at most its key's indentation: twice the text is plenty.
    let max_len = text.len().saturating_mul(2).saturating_add(4096);
    let rounds = (*budget / max_len).clamp(usize::from(*budget > 0), MAX_REPADDINGS);
    *budget = budget.saturating_sub(rounds.saturating_mul(max_len));
    for _ in 0..rounds {
        let Some(found) = shallow.take() else {
            break;
        };
        let (current, padding) = match &padded {
            Some((text, padding)) => (text.as_str(), padding),
            None => (text, &Padding::default()),
        };
        let Some((next_text, next_padding)) = padding.apply(current, &found, max_len) else {
            break;
        };
        let (next_documents, next_problems, next_shallow, next_counts) =
            parse(&next_text, limits, document_base);
        let stopped = next_problems
            .iter()
            .find(|p| p.kind == ProblemKind::Parse)
            .and_then(|p| p.span);
        if stopped.is_some_and(|s| next_padding.original(s.start) <= padding.original(found.at)) {
            break;
        }
        (documents, problems, shallow, counts) =
            (next_documents, next_problems, next_shallow, next_counts);
        padded = Some((next_text, next_padding));
    }
    if let Some((_, padding)) = &padded {
        unpad(&mut documents, &mut problems, padding);
    }
    (documents, problems, counts)
}

/// Whether `text` holds a Go template action (`{{ ... }}`), as Helm charts and other
/// templated manifests do before they are rendered.
pub fn is_template(text: &str) -> bool {
    text.find("{{")
        .is_some_and(|open| text[open + 2..].contains("}}"))
}

/// What one parse used of the file's limits.
#[derive(Clone, Copy, Debug, Default)]
struct Counts {
    /// Documents started, empty ones included.
    documents: usize,
    /// Nodes copied by aliases.
    alias_nodes: usize,
}

/// Parses `text`, whose first document is document `document_base` of the file.
fn parse(
    text: &str,
    limits: &Limits,
    document_base: usize,
) -> (Vec<Document>, Vec<LoadProblem>, Option<Shallow>, Counts) {
    let mut builder = Builder::new(text, limits, document_base);
    builder.run();
    builder.summarize_duplicates();
    let counts = Counts {
        documents: builder.document_count,
        alias_nodes: builder.alias_nodes,
    };
    (builder.documents, builder.problems, builder.shallow, counts)
}

/// The documents and problems of a whole file. Where the parser stops on a syntax error,
/// the documents after it are read too: the text is parsed again from the next line that
/// separates documents (`---` alone, where kubectl splits a stream), so that one broken
/// document does not hide the findings of the others. The file's limits hold across all
/// these parses together. A file with Go template actions is not YAML until rendered: its
/// first syntax error ends it, as the template's documents after it would only be read as
/// text that the template was about to replace.
fn load_stream(text: &str, limits: &Limits) -> (Vec<Document>, Vec<LoadProblem>) {
    let mut documents = Vec::new();
    let mut problems = Vec::new();
    let mut limits = limits.clone();
    let mut budget = REPADDING_BYTES;
    let mut base = Resumed::default();
    loop {
        let part = text.get(base.byte..).unwrap_or_default();
        let (mut part_documents, mut part_problems, counts) =
            build(part, &limits, &mut budget, base.documents);
        let stopped = part_problems
            .iter()
            .find(|p| p.kind == ProblemKind::Parse)
            .and_then(|p| p.span);
        base.shift(&mut part_documents, &mut part_problems);
        documents.append(&mut part_documents);
        problems.append(&mut part_problems);
        let Some(stop) = stopped.filter(|_| !is_template(text)) else {
            break;
        };
        let Some(next) = next_separator(part, stop.start as usize) else {
            break;
        };
        // The broken document counts even when the parser stopped before starting it.
        let started = counts.documents.max(1);
        let documents_left = limits.max_documents.saturating_sub(started);
        if documents_left == 0 {
            break;
        }
        limits.max_documents = documents_left;
        limits.max_alias_nodes = limits.max_alias_nodes.saturating_sub(counts.alias_nodes);
        base = Resumed {
            byte: base.byte + next,
            line: base.line
                + to_u32(
                    part.as_bytes()[..next]
                        .iter()
                        .filter(|&&b| b == b'\n')
                        .count(),
                ),
            documents: base.documents + started,
        };
    }
    (documents, problems)
}

/// Where a parse resumed in the file's text.
#[derive(Clone, Copy, Debug, Default)]
struct Resumed {
    byte: usize,
    /// Lines before `byte`.
    line: u32,
    /// Documents before `byte`.
    documents: usize,
}

impl Resumed {
    /// Moves spans of the text from `byte` on to the whole file's. The text resumes at the
    /// start of a line, so columns stay as they are.
    fn shift(&self, documents: &mut [Document], problems: &mut [LoadProblem]) {
        if self.byte == 0 {
            return;
        }
        let byte = to_u32(self.byte);
        let fix = |span: &mut Span| {
            span.start = span.start.saturating_add(byte);
            span.end = span.end.saturating_add(byte);
            span.line = span.line.saturating_add(self.line);
        };
        for_each_span(documents, problems, fix);
    }
}

/// The offset of the first line that separates documents as kubectl's reader does (`---`
/// with nothing after it but white space), from the line of `from` on, past the start of
/// `text`.
fn next_separator(text: &str, from: usize) -> Option<usize> {
    let mut start = text.get(..from)?.rfind('\n').map_or(0, |i| i + 1);
    while start < text.len() {
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = &text[start..line_end];
        if start > 0
            && line
                .strip_prefix("---")
                .is_some_and(|rest| rest.trim_end().is_empty())
        {
            return Some(start);
        }
        start = line_end + 1;
    }
    None
}

/// Moves every span from the padded text back to the text the user wrote.
fn unpad(documents: &mut [Document], problems: &mut [LoadProblem], padding: &Padding) {
    let fix = |span: &mut Span| {
        span.col = padding.column(span.line, span.col);
        span.start = padding.original(span.start);
        span.end = padding.original(span.end);
    };
    for_each_span(documents, problems, fix);
}

/// Applies `fix` to the span of every node and problem.
fn for_each_span(
    documents: &mut [Document],
    problems: &mut [LoadProblem],
    fix: impl Fn(&mut Span),
) {
    let mut pending: Vec<&mut Node> = documents.iter_mut().map(|d| &mut d.root).collect();
    while let Some(node) = pending.pop() {
        fix(&mut node.span);
        match &mut node.value {
            Value::Seq(items) => pending.extend(items.iter_mut()),
            Value::Map(entries) => {
                for (key, value) in entries.iter_mut() {
                    pending.push(key);
                    pending.push(value);
                }
            }
            _ => {}
        }
    }
    problems
        .iter_mut()
        .filter_map(|p| p.span.as_mut())
        .for_each(fix);
}

/// Counts the parser's events without building anything: the floor that [`load`] is
/// measured against. Stops at the first error; invalid UTF-8 counts nothing.
pub fn parse_only(bytes: &[u8]) -> usize {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return 0;
    };
    let mut parser = Parser::new_from_str(text);
    let mut events = 0;
    while let Some(Ok(_)) = parser.next_event() {
        events += 1;
    }
    events
}

fn human_bytes(n: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if n >= MIB && n.is_multiple_of(MIB) {
        format!("{} MiB", n / MIB)
    } else {
        format!("{n} bytes")
    }
}

fn not_utf8(bytes: &[u8], offset: usize) -> LoadProblem {
    let before = &bytes[..offset];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    // The prefix is valid UTF-8 (that is what `valid_up_to` promises), so it has a char count.
    let col = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let byte = bytes.get(offset).copied().unwrap_or_default();
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    let hint = if utf16 {
        " (the file looks like UTF-16)"
    } else {
        ""
    };
    LoadProblem {
        kind: ProblemKind::NotUtf8,
        message: format!(
            "file is not valid UTF-8: byte 0x{byte:02x} at offset {offset} cannot start a character{hint}"
        ),
        span: Some(Span {
            start: to_u32(offset),
            end: to_u32(offset + 1),
            line: to_u32(line),
            col: to_u32(col),
        }),
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Converts the parser's character positions to byte offsets.
struct Offsets {
    ascii: bool,
    /// Byte offset of every `STRIDE`-th character; empty for ASCII text.
    checkpoints: Vec<u32>,
}

const STRIDE: usize = 64;

impl Offsets {
    fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Offsets {
                ascii: true,
                checkpoints: Vec::new(),
            };
        }
        let checkpoints = text
            .char_indices()
            .step_by(STRIDE)
            .map(|(i, _)| to_u32(i))
            .collect();
        Offsets {
            ascii: false,
            checkpoints,
        }
    }

    fn byte(&self, text: &str, char_index: usize) -> u32 {
        if self.ascii {
            return to_u32(char_index.min(text.len()));
        }
        let Some(&base) = self.checkpoints.get(char_index / STRIDE) else {
            return to_u32(text.len());
        };
        let rest = char_index % STRIDE;
        let tail = text.get(base as usize..).unwrap_or_default();
        let extra = tail.char_indices().nth(rest).map_or(tail.len(), |(i, _)| i);
        base + to_u32(extra)
    }
}

/// A node finished by the builder with what the limits need to know about it.
struct Built {
    node: Node,
    /// Nodes in the subtree, itself included.
    count: usize,
    /// Levels of maps and lists in the subtree (0 for a scalar).
    height: usize,
    /// Where the text of this occurrence ends: an alias ends at the alias, not at its anchor.
    end: u32,
}

/// An open collection. Its children wait at the end of the builder's shared `items` or
/// `entries`, from the index given, and move into a vector of their exact size when it
/// closes: no vector grows by doubling, and nested collections keep the stack order.
enum Open {
    Seq(usize),
    Map(usize, Option<Node>),
}

struct Frame {
    open: Open,
    span: Span,
    /// A flow collection (`[` or `{`), whose later lines a YAML 1.2 parser wants indented.
    flow: bool,
    end: u32,
    anchor: usize,
    tag: Tag,
    count: usize,
    height: usize,
}

struct Anchored {
    /// The copy kept for later aliases; `None` when the copy alone would have spent more
    /// than what is left of the alias budget, so that any alias to it trips the limit.
    node: Option<Node>,
    count: usize,
    height: usize,
}

/// Why the current document is being skipped.
struct Skip;

struct Builder<'t> {
    text: &'t str,
    offsets: Offsets,
    max_depth: usize,
    max_alias_nodes: usize,
    max_documents: usize,
    stack: Vec<Frame>,
    items: Vec<Node>,
    entries: Vec<(Node, Node)>,
    anchors: HashMap<usize, Anchored>,
    alias_nodes: usize,
    root: Option<Node>,
    /// True while the rest of the current document is ignored after a problem.
    skipping: bool,
    document_count: usize,
    /// Documents of the file before the text this builder reads.
    document_base: usize,
    duplicates: usize,
    documents: Vec<Document>,
    problems: Vec<LoadProblem>,
    /// Set when the parse stopped on a continuation line that kubectl would have read.
    shallow: Option<Shallow>,
}

impl<'t> Builder<'t> {
    fn new(text: &'t str, limits: &Limits, document_base: usize) -> Self {
        Builder {
            text,
            offsets: Offsets::new(text),
            max_depth: limits.max_depth.min(HARD_MAX_DEPTH),
            max_alias_nodes: limits.max_alias_nodes,
            max_documents: limits.max_documents,
            stack: Vec::new(),
            items: Vec::new(),
            entries: Vec::new(),
            anchors: HashMap::new(),
            alias_nodes: 0,
            root: None,
            skipping: false,
            document_count: 0,
            document_base,
            duplicates: 0,
            documents: Vec::new(),
            problems: Vec::new(),
            shallow: None,
        }
    }

    fn run(&mut self) {
        let mut parser = Parser::new_from_str(self.text);
        while let Some(next) = parser.next_event() {
            let (event, span) = match next {
                Ok(pair) => pair,
                Err(err) => {
                    self.parse_error(&err);
                    return;
                }
            };
            let span = self.span(span);
            match event {
                Event::StreamEnd => return,
                Event::DocumentStart(_) => {
                    if self.document_count == self.max_documents {
                        self.problems.push(LoadProblem {
                            kind: ProblemKind::TooManyDocuments,
                            message: format!(
                                "file has more than {} documents; the rest are not checked",
                                self.max_documents
                            ),
                            span: Some(span),
                        });
                        return;
                    }
                    self.document_count += 1;
                    self.start_document();
                }
                Event::DocumentEnd => self.end_document(),
                _ if self.skipping => {}
                Event::Scalar(value, style, anchor, tag) => {
                    let tag = tag_kind(tag.as_deref());
                    self.scalar(value.into_owned(), style, anchor, tag, span);
                }
                Event::Alias(id) => {
                    if self.alias(id, span).is_err() {
                        self.skip_document();
                    }
                }
                Event::SequenceStart(anchor, tag) => {
                    self.open(
                        Open::Seq(self.items.len()),
                        anchor,
                        tag_kind(tag.as_deref()),
                        span,
                    );
                }
                Event::MappingStart(anchor, tag) => {
                    self.open(
                        Open::Map(self.entries.len(), None),
                        anchor,
                        tag_kind(tag.as_deref()),
                        span,
                    );
                }
                Event::SequenceEnd | Event::MappingEnd => self.close(span),
                Event::StreamStart | Event::Nothing => {}
            }
        }
    }

    fn span(&self, span: saphyr_parser::Span) -> Span {
        Span {
            start: self.offsets.byte(self.text, span.start.index()),
            end: self.offsets.byte(self.text, span.end.index()),
            line: to_u32(span.start.line().max(1)),
            col: to_u32(span.start.col() + 1),
        }
    }

    fn parse_error(&mut self, err: &ScanError) {
        let mark = err.marker();
        let at = self.offsets.byte(self.text, mark.index());
        self.shallow = match err.info() {
            "invalid indentation in quoted scalar" => {
                shallow::quoted_scalar(self.text, at, to_u32(mark.col()))
            }
            // The outermost flow collection holds every line that may need indenting; the
            // parser may stop inside one before it has reported opening it.
            "invalid indentation" | "invalid indentation in flow construct" => self
                .stack
                .iter()
                .find(|f| f.flow)
                .map(|f| (f.span.start, f.span.col.saturating_sub(1)))
                .or_else(|| shallow::enclosing_flow(self.text, at))
                .and_then(|(open, column)| shallow::flow_collection(self.text, open, column, at)),
            _ => None,
        };
        let message = if self.stack.is_empty() && self.root.is_none() {
            format!("invalid YAML: {}", err.info())
        } else {
            format!(
                "invalid YAML: {}; document {} is not checked",
                err.info(),
                self.document_base + self.document_count
            )
        };
        self.problems.push(LoadProblem {
            kind: ProblemKind::Parse,
            message,
            span: Some(Span {
                start: at,
                end: at,
                line: to_u32(mark.line().max(1)),
                col: to_u32(mark.col() + 1),
            }),
        });
    }

    fn start_document(&mut self) {
        self.clear_stack();
        self.anchors.clear();
        self.root = None;
        self.skipping = false;
    }

    fn end_document(&mut self) {
        let skipped = std::mem::replace(&mut self.skipping, false);
        if let Some(root) = self.root.take()
            && !skipped
            && !root.is_null()
        {
            self.documents.push(Document {
                index: self.document_base + self.document_count.saturating_sub(1),
                root,
            });
        }
        self.clear_stack();
        self.anchors.clear();
    }

    fn skip_document(&mut self) {
        self.skipping = true;
        self.clear_stack();
        self.anchors.clear();
        self.root = None;
    }

    fn clear_stack(&mut self) {
        self.stack.clear();
        self.items.clear();
        self.entries.clear();
    }

    fn problem_in_document(&mut self, kind: ProblemKind, what: String, span: Span) {
        self.problems.push(LoadProblem {
            kind,
            message: format!(
                "{what}; document {} is not checked",
                self.document_base + self.document_count
            ),
            span: Some(span),
        });
        self.skip_document();
    }

    fn scalar(&mut self, value: String, style: ScalarStyle, anchor: usize, tag: Tag, span: Span) {
        let style = match style {
            ScalarStyle::Plain => Style::Plain,
            ScalarStyle::SingleQuoted => Style::SingleQuoted,
            ScalarStyle::DoubleQuoted => Style::DoubleQuoted,
            ScalarStyle::Literal => Style::Literal,
            ScalarStyle::Folded => Style::Folded,
        };
        let mut node_span = span;
        // The parser's span of a scalar starts at its anchor or tag; a plain scalar's own
        // text is what `Node::raw` and a finding should point at.
        if style == Style::Plain && (anchor != 0 || tag != Tag::None) {
            let len = to_u32(value.len());
            if let Some(start) = span.end.checked_sub(len)
                && self.text.get(start as usize..span.end as usize) == Some(value.as_str())
                && start >= span.start
            {
                let skipped = self
                    .text
                    .get(span.start as usize..start as usize)
                    .map_or(0, |s| s.chars().count());
                node_span.start = start;
                node_span.col += to_u32(skipped);
            }
        }
        let node = Node {
            value: resolve(value, style, tag),
            span: node_span,
            style,
            tag,
        };
        self.finish(
            Built {
                node,
                count: 1,
                height: 0,
                end: span.end,
            },
            anchor,
        );
    }

    fn alias(&mut self, id: usize, span: Span) -> Result<(), Skip> {
        let Some(anchored) = self.anchors.get(&id) else {
            let name = self.text.get(span.range()).unwrap_or("*");
            self.problem_in_document(
                ProblemKind::BadAlias,
                format!("alias `{name}` refers to a node that contains it, or to another document"),
                span,
            );
            return Err(Skip);
        };
        let (count, height) = (anchored.count, anchored.height);
        if self.stack.len() + height > self.max_depth {
            self.too_deep(span);
            return Err(Skip);
        }
        self.alias_nodes = self.alias_nodes.saturating_add(count);
        let copy = anchored
            .node
            .as_ref()
            .filter(|_| self.alias_nodes <= self.max_alias_nodes);
        let Some(node) = copy.cloned() else {
            self.problem_in_document(
                ProblemKind::TooManyAliases,
                format!(
                    "aliases expand to more than {} nodes in this file, as an alias bomb would",
                    self.max_alias_nodes
                ),
                span,
            );
            return Err(Skip);
        };
        self.finish(
            Built {
                node,
                count,
                height,
                end: span.end,
            },
            0,
        );
        Ok(())
    }

    fn too_deep(&mut self, span: Span) {
        self.problem_in_document(
            ProblemKind::TooDeep,
            format!("maps and lists nest deeper than {} levels", self.max_depth),
            span,
        );
    }

    fn open(&mut self, open: Open, anchor: usize, tag: Tag, span: Span) {
        if self.stack.len() >= self.max_depth {
            self.too_deep(span);
            return;
        }
        // A block collection starts with an empty span (or the `-` of an indentless list).
        let flow = span.end > span.start
            && matches!(
                self.text.as_bytes().get(span.start as usize),
                Some(b'[' | b'{')
            );
        self.stack.push(Frame {
            open,
            span,
            flow,
            end: span.end,
            anchor,
            tag,
            count: 1,
            height: 1,
        });
    }

    fn close(&mut self, end_span: Span) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        // Only a flow collection has a closing token with a width.
        let flow = end_span.end > end_span.start;
        let end = if flow { end_span.end } else { frame.end };
        let value = match frame.open {
            Open::Seq(start) => Value::Seq(self.items.drain(start..).collect()),
            Open::Map(start, _) => {
                let entries = self.entries.drain(start..).collect();
                let entries = self.dedupe_keys(entries);
                if entries.iter().any(|(k, _)| is_merge_key(k)) {
                    match merge_keys(entries) {
                        Ok(entries) => Value::Map(entries.into_boxed_slice()),
                        Err((what, span)) => {
                            self.problem_in_document(ProblemKind::InvalidMerge, what, span);
                            return;
                        }
                    }
                } else {
                    Value::Map(entries.into_boxed_slice())
                }
            }
        };
        let node = Node {
            value,
            span: Span { end, ..frame.span },
            style: if flow { Style::Flow } else { Style::Block },
            tag: frame.tag,
        };
        self.finish(
            Built {
                node,
                count: frame.count,
                height: frame.height,
                end,
            },
            frame.anchor,
        );
    }

    fn finish(&mut self, built: Built, anchor: usize) {
        if anchor != 0 {
            // Keeping the copy is charged like an expansion: otherwise nested anchors over a
            // large map would copy it once per level, whether or not any alias follows.
            let affordable = self.alias_nodes.saturating_add(built.count) <= self.max_alias_nodes;
            let node = affordable.then(|| {
                self.alias_nodes += built.count;
                built.node.clone()
            });
            self.anchors.insert(
                anchor,
                Anchored {
                    node,
                    count: built.count,
                    height: built.height,
                },
            );
        }
        let Some(parent) = self.stack.last_mut() else {
            self.root = Some(built.node);
            return;
        };
        parent.count = parent.count.saturating_add(built.count);
        parent.height = parent.height.max(built.height + 1);
        parent.end = parent.end.max(built.end);
        match &mut parent.open {
            Open::Seq(_) => self.items.push(built.node),
            Open::Map(_, key) => match key.take() {
                Some(k) => self.entries.push((k, built.node)),
                None => *key = Some(built.node),
            },
        }
    }

    /// Reports every repeated key and keeps only the last entry for it, as kubectl does.
    fn dedupe_keys(&mut self, mut entries: Vec<(Node, Node)>) -> Vec<(Node, Node)> {
        if entries.len() < 2 {
            return entries;
        }
        // Small maps (nearly all of them) are cheaper to scan than to hash. Merge keys are
        // not duplicates of each other: each merges in turn.
        let mut drop = Vec::new();
        if entries.len() <= 16 {
            for i in 1..entries.len() {
                if is_merge_key(&entries[i].0) {
                    continue;
                }
                let Some(key) = entries[i].0.key_text() else {
                    continue;
                };
                let earlier: Vec<usize> = (0..i)
                    .filter(|&j| {
                        !is_merge_key(&entries[j].0)
                            && entries[j].0.key_text().as_deref() == Some(&*key)
                    })
                    .collect();
                if let (Some(&first), Some(&last)) = (earlier.first(), earlier.last()) {
                    drop.push(last);
                    let problem = duplicate_problem(&key, &entries[first].0, &entries[i].0);
                    self.duplicate(problem);
                }
            }
        } else {
            let mut seen: HashMap<String, (usize, usize)> = HashMap::new();
            for (i, (k, _)) in entries.iter().enumerate() {
                if is_merge_key(k) {
                    continue;
                }
                let Some(key) = k.key_text() else {
                    continue;
                };
                match seen.get_mut(&*key) {
                    Some((first, last)) => {
                        drop.push(*last);
                        *last = i;
                        let first = &entries[*first].0;
                        self.duplicate(duplicate_problem(&key, first, k));
                    }
                    None => {
                        seen.insert(key.into_owned(), (i, i));
                    }
                }
            }
        }
        if drop.is_empty() {
            return entries;
        }
        drop.sort_unstable();
        drop.dedup();
        let mut index = 0;
        entries.retain(|_| {
            let keep = drop.binary_search(&index).is_err();
            index += 1;
            keep
        });
        entries
    }
}

impl Builder<'_> {
    fn duplicate(&mut self, problem: LoadProblem) {
        self.duplicates += 1;
        if self.duplicates <= MAX_DUPLICATE_REPORTS {
            self.problems.push(problem);
        }
    }

    /// One last problem standing for the duplicate keys that were not reported one by one.
    fn summarize_duplicates(&mut self) {
        if let Some(more) = self.duplicates.checked_sub(MAX_DUPLICATE_REPORTS)
            && more > 0
        {
            self.problems.push(LoadProblem {
                kind: ProblemKind::DuplicateKey,
                message: format!("{more} more duplicate keys in this file are not reported"),
                span: None,
            });
        }
    }
}

/// A `<<` key that merges maps: plain and untagged, or tagged `!!merge`, as go-yaml reads it.
fn is_merge_key(key: &Node) -> bool {
    matches!(&key.value, Value::Str(s) if s == "<<")
        && (key.tag == Tag::Merge || (key.tag == Tag::None && key.style == Style::Plain))
}

/// Resolves the merge keys of a map as go-yaml v2 (and so kubectl) does: entries apply in
/// source order and a later one replaces an earlier one with the same key, whether it was
/// written or merged; `<<` merges a map (written or aliased), or a written list of maps of
/// which the earlier win. A merge of anything else fails the document, as it fails
/// `kubectl apply`.
fn merge_keys(entries: Vec<(Node, Node)>) -> Result<Vec<(Node, Node)>, (String, Span)> {
    fn set(out: &mut Vec<(Node, Node)>, index: &mut HashMap<String, usize>, entry: (Node, Node)) {
        let Some(text) = entry.0.key_text() else {
            out.push(entry);
            return;
        };
        match index.get(&*text) {
            Some(&i) => out[i] = entry,
            None => {
                index.insert(text.into_owned(), out.len());
                out.push(entry);
            }
        }
    }
    let not_a_map = |node: &Node| {
        (
            format!(
                "`<<` merges a map or a list of maps, not a value of type {}",
                node.value.type_name()
            ),
            node.span,
        )
    };
    let mut out = Vec::with_capacity(entries.len());
    let mut index = HashMap::new();
    for (key, value) in entries {
        if !is_merge_key(&key) {
            set(&mut out, &mut index, (key, value));
            continue;
        }
        // An alias is a copy of its anchor, which comes earlier in the text: a value that
        // starts before its key was aliased, and go-yaml merges an alias only of a map.
        let aliased = value.span.start < key.span.start;
        let maps = match value.value {
            Value::Map(merged) => vec![merged],
            Value::Seq(_) if aliased => {
                return Err((
                    "`<<` merges a map or a list of maps, not an alias of a list".to_string(),
                    value.span,
                ));
            }
            Value::Seq(items) => {
                if let Some(bad) = items.iter().find(|n| !matches!(n.value, Value::Map(_))) {
                    return Err(not_a_map(bad));
                }
                items
                    .into_iter()
                    .rev()
                    .filter_map(|n| match n.value {
                        Value::Map(merged) => Some(merged),
                        _ => None,
                    })
                    .collect()
            }
            _ => return Err(not_a_map(&value)),
        };
        for merged in maps {
            for entry in merged {
                set(&mut out, &mut index, entry);
            }
        }
    }
    Ok(out)
}

fn duplicate_problem(key: &str, first: &Node, second: &Node) -> LoadProblem {
    LoadProblem {
        kind: ProblemKind::DuplicateKey,
        message: format!(
            "duplicate key `{key}`, first defined on line {}; kubectl keeps the last value, strict API servers reject the object",
            first.span.line
        ),
        span: Some(second.span),
    }
}

fn tag_kind(tag: Option<&saphyr_parser::Tag>) -> Tag {
    let Some(tag) = tag else {
        return Tag::None;
    };
    if tag.is_yaml_core_schema() {
        return match tag.suffix.as_str() {
            "str" => Tag::Str,
            "int" => Tag::Int,
            "float" => Tag::Float,
            "bool" => Tag::Bool,
            "null" => Tag::Null,
            "binary" => Tag::Binary,
            "timestamp" => Tag::Timestamp,
            "seq" => Tag::Seq,
            "map" => Tag::Map,
            "merge" => Tag::Merge,
            _ => Tag::OtherCore,
        };
    }
    if tag.handle.is_empty() && tag.suffix == "!" {
        Tag::NonSpecific
    } else {
        Tag::Custom
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn load_str(text: &str) -> SourceFile {
        load("t.yaml", text.as_bytes(), &Limits::default())
    }

    #[track_caller]
    fn only_problem(file: &SourceFile) -> &LoadProblem {
        assert_eq!(file.problems.len(), 1, "{:#?}", file.problems);
        &file.problems[0]
    }

    /// The (line, col) of a span and the text it covers.
    fn at(file: &SourceFile, span: Span) -> (u32, u32, &str) {
        (span.line, span.col, &file.text[span.range()])
    }

    #[test]
    fn nested_keys_and_values_have_exact_spans() {
        let file = load_str(
            "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n",
        );
        assert!(file.problems.is_empty());
        let root = &file.documents[0].root;
        let containers = root
            .get("spec")
            .and_then(|s| s.entry("containers"))
            .unwrap();
        assert_eq!(at(&file, containers.0.span), (4, 3, "containers"));
        let image = containers.1.as_seq().unwrap()[0].entry("image").unwrap();
        assert_eq!(at(&file, image.0.span), (6, 7, "image"));
        assert_eq!(at(&file, image.1.span), (6, 14, "nginx:1.27"));
        let item = &containers.1.as_seq().unwrap()[0];
        assert_eq!((item.span.line, item.span.col), (5, 7));
        assert_eq!(item.style, Style::Block);
    }

    #[test]
    fn flow_items_and_multibyte_text_have_character_columns() {
        let file = load_str("k: é\nü: [1, \"größe\", 'x']\nz: {a: 1}\n");
        let root = &file.documents[0].root;
        let seq = root.get("ü").unwrap();
        assert_eq!(seq.style, Style::Flow);
        assert_eq!(at(&file, seq.span), (2, 4, "[1, \"größe\", 'x']"));
        let items = seq.as_seq().unwrap();
        assert_eq!(at(&file, items[0].span), (2, 5, "1"));
        assert_eq!(at(&file, items[1].span), (2, 8, "\"größe\""));
        assert_eq!(at(&file, items[2].span), (2, 17, "'x'"));
        assert_eq!(items[2].style, Style::SingleQuoted);
        assert_eq!(at(&file, root.get("z").unwrap().span), (3, 4, "{a: 1}"));
    }

    #[test]
    fn long_multibyte_lines_convert_offsets_beyond_the_first_checkpoint() {
        let text = format!("a: \"{}\"\nb: x\n", "ü".repeat(300));
        let file = load_str(&text);
        let b = file.documents[0].root.entry("b").unwrap();
        assert_eq!(at(&file, b.0.span), (2, 1, "b"));
        assert_eq!(at(&file, b.1.span), (2, 4, "x"));
    }

    #[test]
    fn second_document_has_its_own_lines_and_index() {
        let file =
            load_str("a: 1\n---\n# only a comment\n---\nkind: Service\nmetadata:\n  name: web\n");
        assert!(file.problems.is_empty());
        assert_eq!(file.documents.len(), 2);
        assert_eq!(file.documents[1].index, 2);
        let name = file.documents[1]
            .root
            .get("metadata")
            .unwrap()
            .entry("name")
            .unwrap();
        assert_eq!(at(&file, name.1.span), (7, 9, "web"));
    }

    #[test]
    fn empty_and_comment_only_inputs_have_no_documents_and_no_problems() {
        for text in ["", "\n", "# nothing\n", "---\n---\n", "--- ~\n", "...\n"] {
            let file = load_str(text);
            assert!(file.documents.is_empty(), "{text:?}");
            assert!(file.problems.is_empty(), "{text:?}: {:?}", file.problems);
        }
    }

    #[test]
    fn json_and_bom_and_crlf_load() {
        let file = load_str("{\"kind\": \"Pod\", \"spec\": {\"replicas\": 3}}");
        let root = &file.documents[0].root;
        assert_eq!(root.get("kind").and_then(Node::as_str), Some("Pod"));
        assert_eq!(
            root.get("spec").unwrap().get("replicas").unwrap().as_i64(),
            Some(3)
        );

        let file = load_str("\u{feff}kind: Pod\r\nb: on\r\n");
        let b = file.documents[0].root.entry("b").unwrap();
        assert_eq!(at(&file, b.0.span), (2, 1, "b"));
        assert_eq!(b.1.as_bool(), Some(true));
        assert_eq!(b.1.raw(&file.text), Some("on"));
    }

    #[test]
    fn continuation_lines_kubectl_reads_are_read_at_their_own_positions() {
        // The closing lines sit at the indentation of their key, which YAML 1.2 rejects
        // and go-yaml v2 (kubectl) accepts; the values are those PyYAML and go-yaml read.
        let text = "c:\n  args: ['\n    echo \"a\";\n    echo b\n  ']\n  env: [x,\n  \"y\",\n  z]\n  k: 1\n";
        let file = load_str(text);
        assert!(file.problems.is_empty(), "{:?}", file.problems);
        let root = &file.documents[0].root;
        assert_eq!(
            root.to_json().to_string(),
            r#"{"c":{"args":[" echo \"a\"; echo b "],"env":["x","y","z"],"k":1}}"#
        );
        let c = root.get("c").unwrap();
        let env = c.get("env").unwrap().as_seq().unwrap();
        assert_eq!(at(&file, env[1].span), (7, 3, "\"y\""));
        assert_eq!(at(&file, env[2].span), (8, 3, "z"));
        let (key, _) = c.entry("k").unwrap();
        assert_eq!(at(&file, key.span), (9, 3, "k"));
        let args = c.get("args").unwrap();
        assert_eq!((args.span.line, args.span.col), (2, 9));
        assert_eq!(args.span.end as usize, text.find("]\n  env").unwrap() + 1);

        // Multi-byte text and Windows line breaks keep their byte offsets and columns.
        let text = "é:\r\n  a: 'é\r\n  ü'\r\n  k: [é,\r\n  ü]\r\n";
        let file = load_str(text);
        assert!(file.problems.is_empty(), "{:?}", file.problems);
        let e = file.documents[0].root.get("é").unwrap();
        assert_eq!(e.to_json().to_string(), r#"{"a":"é ü","k":["é","ü"]}"#);
        let k = e.get("k").unwrap().as_seq().unwrap();
        assert_eq!(at(&file, k[1].span), (5, 3, "ü"));
        assert_eq!(at(&file, e.entry("k").unwrap().0.span), (4, 3, "k"));

        // Each value is found by parsing again; a file of many still loads whole.
        let many: String = (0..100).map(|i| format!("k{i}: 'x\ny'\n")).collect();
        let file = load_str(&many);
        assert!(file.problems.is_empty(), "{:?}", file.problems);
        let last = file.documents[0].root.entry("k99").unwrap();
        assert_eq!(at(&file, last.0.span), (199, 1, "k99"));
        assert_eq!(at(&file, last.1.span), (199, 6, "'x\ny'"));

        // A flow collection in a list item, which the parser stops inside before it reports
        // opening it.
        let file = load_str("a:\n- [x,\nz]\n- {b: 1,\n c: 2}\n");
        assert!(file.problems.is_empty(), "{:?}", file.problems);
        assert_eq!(
            file.documents[0].root.to_json().to_string(),
            r#"{"a":[["x","z"],{"b":1,"c":2}]}"#
        );
        let items = file.documents[0].root.get("a").unwrap().as_seq().unwrap();
        let z = &items[0].as_seq().unwrap()[1];
        assert_eq!(at(&file, z.span), (3, 1, "z"));

        // A top-level key's quoted value, and more than one such value in a file.
        let file = load_str("a: \"x\ny\"\nb: 'p\nq'\n");
        assert!(file.problems.is_empty(), "{:?}", file.problems);
        assert_eq!(
            file.documents[0].root.to_json().to_string(),
            r#"{"a":"x y","b":"p q"}"#
        );
    }

    #[test]
    fn other_indentation_errors_stay_errors_at_their_place() {
        for (text, line, col) in [
            ("a:\n  b: 1\n c: 2\n", 3, 2),
            ("a: 'x\ny\n", 1, 4),
            ("a:\n  b: [x,\n  y\n c: 1\n", 3, 3),
        ] {
            let file = load_str(text);
            let problem = only_problem(&file);
            assert_eq!(problem.kind, ProblemKind::Parse, "{text}");
            let span = problem.span.unwrap();
            assert_eq!(
                (span.line, span.col),
                (line, col),
                "{text}: {}",
                problem.message
            );
        }
    }

    #[test]
    fn parse_error_keeps_earlier_documents() {
        let file = load_str("a: 1\n---\nb: [1, 2\n---\nc: 3\n");
        let indices: Vec<usize> = file.documents.iter().map(|d| d.index).collect();
        assert_eq!(indices, [0, 2]);
        let problem = only_problem(&file);
        assert_eq!(problem.kind, ProblemKind::Parse);
        assert!(
            problem.message.starts_with("invalid YAML: "),
            "{}",
            problem.message
        );
        assert!(
            problem.message.ends_with("document 2 is not checked"),
            "{}",
            problem.message
        );
        assert!(problem.span.unwrap().line >= 3);
    }

    #[test]
    fn documents_after_a_syntax_error_are_read_from_the_next_separator() {
        let text = "a: 1\n---\nb:\n\tc: 1\n---\nd: {e: 2}\n---  \nf: [1, 2\n---\ng: 3\n";
        let file = load_str(text);
        let indices: Vec<usize> = file.documents.iter().map(|d| d.index).collect();
        assert_eq!(indices, [0, 2, 4], "{:#?}", file.problems);
        // Positions point into the whole file.
        let e = file.documents[1]
            .root
            .get("d")
            .and_then(|d| d.get("e"))
            .unwrap();
        assert_eq!(at(&file, e.span), (6, 8, "2"));
        let g = file.documents[2].root.get("g").unwrap();
        assert_eq!(at(&file, g.span), (10, 4, "3"));
        let problems: Vec<(u32, &str)> = file
            .problems
            .iter()
            .map(|p| (p.span.unwrap().line, p.message.as_str()))
            .collect();
        assert_eq!(problems.len(), 2, "{problems:#?}");
        assert_eq!(problems[0].0, 4);
        assert!(
            problems[0].1.ends_with("document 2 is not checked"),
            "{problems:#?}"
        );
        assert_eq!(problems[1].0, 9);
        assert!(
            problems[1].1.ends_with("document 4 is not checked"),
            "{problems:#?}"
        );
        // Without a separator after the error, nothing more is read.
        let file = load_str("a: 1\n---\nb: [1, 2\nc: 3\n");
        assert_eq!(file.documents.len(), 1);
        // A template is not YAML until rendered: nothing after its first error is read.
        let file = load_str("a: 1\n---\nb:\n\tc: {{ .Values.c }}\n---\nd: {e: 2}\n");
        assert_eq!(file.documents.len(), 1);
        // A separator line must be `---` alone, as kubectl splits streams.
        let file = load_str("a: 1\n---\nb:\n\tc: 1\n--- x\n---x\n --- \nd: 2\n");
        assert_eq!(file.documents.len(), 1);
    }

    #[test]
    fn limits_hold_across_the_parts_of_a_file_read_after_syntax_errors() {
        // Each part has a syntax error and an alias bomb of its own; together they exceed
        // the file's alias budget, and its document limit.
        let limits = Limits {
            max_alias_nodes: 40,
            max_documents: 7,
            ..Limits::default()
        };
        let part = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: [*a, *a]\n---\nc:\n\td: 1\n---\n";
        let file = load("t.yaml", part.repeat(10).as_bytes(), &limits);
        let aliases = file
            .problems
            .iter()
            .filter(|p| p.kind == ProblemKind::TooManyAliases)
            .count();
        assert!(aliases >= 1, "{:#?}", file.problems);
        assert!(file.documents.len() < 4, "{}", file.documents.len());
        let highest = file.documents.iter().map(|d| d.index).max().unwrap_or(0);
        assert!(highest < 7, "{highest}");
    }

    #[test]
    fn duplicate_keys_keep_the_last_value_and_point_at_the_second_key() {
        let file = load_str("metadata:\n  name: a\n  labels: {}\n  name: b\n");
        let problem = only_problem(&file);
        assert_eq!(problem.kind, ProblemKind::DuplicateKey);
        assert!(
            problem
                .message
                .starts_with("duplicate key `name`, first defined on line 2")
        );
        assert_eq!(at(&file, problem.span.unwrap()), (4, 3, "name"));
        let meta = file.documents[0].root.get("metadata").unwrap();
        assert_eq!(meta.as_map().unwrap().len(), 2);
        assert_eq!(meta.get("name").and_then(Node::as_str), Some("b"));
    }

    #[test]
    fn duplicate_keys_in_large_maps_and_by_json_form() {
        let mut text: String = (0..40).map(|i| format!("k{i}: {i}\n")).collect();
        text.push_str("k7: again\nk7: thrice\n");
        let file = load_str(&text);
        assert_eq!(file.problems.len(), 2);
        assert!(
            file.problems
                .iter()
                .all(|p| p.message.contains("first defined on line 8"))
        );
        let root = &file.documents[0].root;
        assert_eq!(root.as_map().unwrap().len(), 40);
        assert_eq!(root.get("k7").and_then(Node::as_str), Some("thrice"));

        let file = load_str("1: a\n\"1\": b\n");
        assert_eq!(only_problem(&file).kind, ProblemKind::DuplicateKey);
    }

    #[test]
    fn invalid_utf8_is_reported_at_the_first_bad_byte() {
        let file = load("t.yaml", b"a: 1\nb: x\xffy\n", &Limits::default());
        assert!(file.documents.is_empty());
        let problem = only_problem(&file);
        assert_eq!(problem.kind, ProblemKind::NotUtf8);
        let span = problem.span.unwrap();
        assert_eq!((span.start, span.line, span.col), (9, 2, 5));
        assert!(
            problem.message.contains("0xff at offset 9"),
            "{}",
            problem.message
        );

        let file = load("t.yaml", b"\xff\xfek\x00", &Limits::default());
        assert!(only_problem(&file).message.contains("UTF-16"));
    }

    #[test]
    fn oversized_files_are_not_parsed() {
        let limits = Limits {
            max_bytes: 8,
            ..Limits::default()
        };
        let file = load("t.yaml", b"a: 123456789\n", &limits);
        assert!(file.documents.is_empty() && file.text.is_empty());
        let problem = only_problem(&file);
        assert_eq!(problem.kind, ProblemKind::TooLarge);
        assert_eq!(problem.message, "file is larger than the limit of 8 bytes");
        assert_eq!(problem.span, None);
        assert!(Limits::default().max_bytes == 64 * 1024 * 1024);
    }

    #[test]
    fn aliases_expand_and_anchored_keys_work() {
        let file = load_str("base: &sc\n  runAsNonRoot: true\nc: *sc\n&k key: 1\nother: *k\n");
        assert!(file.problems.is_empty(), "{:?}", file.problems);
        let root = &file.documents[0].root;
        let c = root.get("c").unwrap();
        assert_eq!(c.get("runAsNonRoot").and_then(Node::as_bool), Some(true));
        assert_eq!(c.span.line, 1, "{:?}", c.span);
        assert_eq!(c.entry("runAsNonRoot").unwrap().0.span.line, 2);
        let key = root.entry("key").unwrap();
        assert_eq!(at(&file, key.0.span), (4, 4, "key"));
        assert_eq!(root.get("other").and_then(Node::as_str), Some("key"));
    }

    #[track_caller]
    fn json_of(text: &str) -> String {
        let file = load_str(text);
        assert!(file.problems.is_empty(), "{:?}", file.problems);
        file.documents[0].root.to_json().to_string()
    }

    #[test]
    fn merge_keys_resolve_as_kubectl_resolves_them() {
        // The merged entries come first; a key written after the merge replaces its value.
        assert_eq!(
            json_of("base: &b {x: 1, w: 2}\nm:\n  <<: *b\n  w: 3\n  z: 4\n"),
            r#"{"base":{"x":1,"w":2},"m":{"x":1,"w":3,"z":4}}"#
        );
        // go-yaml v2 applies entries in order, so a merge after a key replaces it.
        assert_eq!(json_of("m: {w: 3, <<: {w: 2}}\n"), r#"{"m":{"w":2}}"#);
        // From a list, the earlier maps win.
        assert_eq!(
            json_of("a: &a {x: 1}\nb: &b {x: 2, w: 2}\nm: {<<: [*a, *b]}\n"),
            r#"{"a":{"x":1},"b":{"x":2,"w":2},"m":{"x":1,"w":2}}"#
        );
        // Merges are shallow, nest through anchors, and may come twice.
        assert_eq!(
            json_of("a: &a {s: {p: 1}, <<: {deep: 1}}\nm: {<<: *a, s: {q: 2}, <<: {t: 3}}\n"),
            r#"{"a":{"s":{"p":1},"deep":1},"m":{"s":{"q":2},"deep":1,"t":3}}"#
        );
        // `!!merge` makes even a quoted `<<` a merge key; otherwise a quoted one is a key.
        assert_eq!(json_of("m: {!!merge '<<': {x: 1}}\n"), r#"{"m":{"x":1}}"#);
        assert_eq!(json_of("m: {'<<': {x: 1}}\n"), r#"{"m":{"<<":{"x":1}}}"#);
    }

    #[test]
    fn merged_entries_point_at_the_text_they_came_from() {
        let file = load_str("base: &b\n  runAsNonRoot: true\nsc:\n  <<: *b\n  privileged: false\n");
        let sc = file.documents[0].root.get("sc").unwrap();
        let (key, value) = sc.entry("runAsNonRoot").unwrap();
        assert_eq!(at(&file, key.span), (2, 3, "runAsNonRoot"));
        assert_eq!(value.as_bool(), Some(true));
        assert_eq!(at(&file, sc.entry("privileged").unwrap().0.span).0, 5);
    }

    #[test]
    fn a_merge_of_anything_but_maps_fails_the_document() {
        for (text, what) in [
            ("m: {<<: 1}\n", "a value of type integer"),
            ("m: {<<: [{x: 1}, 2]}\n", "a value of type integer"),
            ("s: &s [{x: 1}]\nm: {<<: *s}\n", "an alias of a list"),
            ("m:\n  <<:\n", "a value of type null"),
        ] {
            let file = load_str(&format!("{text}---\nnext: 1\n"));
            let problem = only_problem(&file);
            assert_eq!(problem.kind, ProblemKind::InvalidMerge, "{text}");
            assert!(
                problem.message.starts_with(&format!(
                    "`<<` merges a map or a list of maps, not {what}; document 1"
                )),
                "{text}: {}",
                problem.message
            );
            assert_eq!(
                file.documents.len(),
                1,
                "{text}: the next document still loads"
            );
            assert_eq!(file.documents[0].index, 1);
        }
    }

    #[test]
    fn merge_keys_are_not_duplicates_and_overrides_are_not_either() {
        let file = load_str("a: &a {x: 1}\nm:\n  <<: *a\n  <<: {w: 2}\n  x: 3\n  x: 4\n");
        let problem = only_problem(&file);
        assert_eq!(problem.kind, ProblemKind::DuplicateKey);
        assert!(
            problem
                .message
                .starts_with("duplicate key `x`, first defined on line 5")
        );
        assert_eq!(
            file.documents[0].root.to_json().to_string(),
            r#"{"a":{"x":1},"m":{"x":4,"w":2}}"#
        );
    }

    #[test]
    fn alias_bombs_are_stopped_and_later_documents_still_load() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let prev = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
            ));
        }
        text.push_str("---\nkind: Pod\n");
        let file = load_str(&text);
        let problem = only_problem(&file);
        assert_eq!(problem.kind, ProblemKind::TooManyAliases);
        assert!(problem.message.contains("more than 100000 nodes"));
        assert!(problem.message.ends_with("document 1 is not checked"));
        assert_eq!(file.documents.len(), 1);
        assert_eq!(file.documents[0].index, 1);
    }

    #[test]
    fn anchors_are_charged_so_nested_anchors_cannot_multiply_a_map() {
        let limits = Limits {
            max_alias_nodes: 1000,
            ..Limits::default()
        };
        let mut text = String::new();
        for level in 0..50 {
            text.push_str(&format!("{}l{level}: &a{level}\n", "  ".repeat(level)));
        }
        let indent = "  ".repeat(50);
        for i in 0..2000 {
            text.push_str(&format!("{indent}k{i}: v\n"));
        }
        let file = load("t.yaml", text.as_bytes(), &limits);
        assert!(file.problems.is_empty(), "{:?}", file.problems);
        assert_eq!(file.documents.len(), 1);

        text.push_str("copy: *a49\n");
        let file = load("t.yaml", text.as_bytes(), &limits);
        assert_eq!(only_problem(&file).kind, ProblemKind::TooManyAliases);
    }

    #[test]
    fn duplicate_key_reports_are_capped_per_file() {
        let text = "a: 1\n".repeat(500);
        let file = load_str(&text);
        assert_eq!(file.problems.len(), MAX_DUPLICATE_REPORTS + 1);
        let last = file.problems.last().unwrap();
        assert_eq!(
            last.message,
            "399 more duplicate keys in this file are not reported"
        );
        assert_eq!(file.documents[0].root.as_map().unwrap().len(), 1);
    }

    #[test]
    fn recursive_and_cross_document_aliases_are_problems() {
        let file = load_str("&a [ *a ]\n");
        assert_eq!(only_problem(&file).kind, ProblemKind::BadAlias);
        assert!(only_problem(&file).message.contains("alias `*a`"));
        let file = load_str("a: &x 1\n---\nb: *x\n");
        assert_eq!(file.documents.len(), 1);
        assert_eq!(only_problem(&file).kind, ProblemKind::BadAlias);
    }

    #[test]
    fn deep_nesting_is_bounded_in_block_flow_and_alias_form() {
        let limits = Limits::default();
        // The parser itself refuses flow nesting past 255 levels.
        let flow = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let file = load("t.yaml", flow.as_bytes(), &limits);
        assert_eq!(
            only_problem(&file).kind,
            ProblemKind::Parse,
            "{:?}",
            file.problems
        );
        assert!(file.documents.is_empty());

        let ok = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert!(load_str(&ok).problems.is_empty());
        let shallow = Limits {
            max_depth: 10,
            ..Limits::default()
        };
        let file = load("t.yaml", ok.as_bytes(), &shallow);
        assert_eq!(only_problem(&file).kind, ProblemKind::TooDeep);
        assert!(
            only_problem(&file)
                .message
                .contains("deeper than 10 levels")
        );

        let block: String = (0..300)
            .map(|i| format!("{}k:\n", "  ".repeat(i)))
            .collect();
        assert_eq!(only_problem(&load_str(&block)).kind, ProblemKind::TooDeep);

        let nested = format!(
            "a: &a {}{}\nb: {}*a{}\n",
            "[".repeat(200),
            "]".repeat(200),
            "[".repeat(100),
            "]".repeat(100)
        );
        assert_eq!(only_problem(&load_str(&nested)).kind, ProblemKind::TooDeep);
    }

    #[test]
    fn too_many_documents_stops_reading() {
        let limits = Limits {
            max_documents: 3,
            ..Limits::default()
        };
        let file = load(
            "t.yaml",
            b"a: 1\n---\nb: 2\n---\nc: 3\n---\nd: 4\n---\ne: 5\n",
            &limits,
        );
        assert_eq!(file.documents.len(), 3);
        let problem = only_problem(&file);
        assert_eq!(problem.kind, ProblemKind::TooManyDocuments);
        assert_eq!(problem.span.unwrap().line, 6);
    }

    #[test]
    fn tags_and_quoting_resolve_like_kubernetes() {
        let file = load_str(
            "a: !!str 12\nb: !Ref on\nc: '0755'\nd: 0755\ne: !!int \"7\"\nf: &x yes\ng: |\n  no\n",
        );
        assert!(file.problems.is_empty(), "{:?}", file.problems);
        let root = &file.documents[0].root;
        let get = |k: &str| root.get(k).unwrap();
        assert_eq!(get("a").value, Value::Str("12".into()));
        assert_eq!(get("a").tag, Tag::Str);
        assert_eq!(get("b").value, Value::Str("on".into()));
        assert_eq!(get("b").tag, Tag::Custom);
        assert_eq!(get("c").value, Value::Str("0755".into()));
        assert_eq!(get("c").raw(&file.text), None);
        assert_eq!(get("d").value, Value::Int(493));
        assert_eq!(get("d").raw(&file.text), Some("0755"));
        assert_eq!(get("e").value, Value::Int(7));
        assert_eq!(get("f").value, Value::Bool(true));
        assert_eq!(at(&file, get("f").span), (6, 7, "yes"));
        assert_eq!(get("g").value, Value::Str("no\n".into()));
        assert_eq!(get("g").style, Style::Literal);
    }

    #[test]
    fn to_json_matches_the_kubernetes_conversion() {
        let file = load_str("b: 2\na: [1, 1.5, on, ~, x]\n3: .inf\n");
        let json = file.documents[0].root.to_json();
        assert_eq!(
            json.to_string(),
            r#"{"b":2,"a":[1,1.5,true,null,"x"],"3":null}"#
        );
    }

    #[test]
    fn parse_only_counts_events() {
        assert_eq!(parse_only(b"a: 1\n"), 8);
        assert_eq!(parse_only(b"\xff"), 0);
    }

    mod never_panics {
        use super::*;
        use proptest::prelude::*;

        fn small_limits() -> Limits {
            Limits {
                max_bytes: 1 << 20,
                max_depth: 32,
                max_alias_nodes: 1000,
                max_documents: 50,
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            #[test]
            fn on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
                let file = load("t", &bytes, &small_limits());
                for problem in &file.problems {
                    if let Some(span) = problem.span {
                        prop_assert!(span.start <= span.end || problem.kind == ProblemKind::NotUtf8);
                    }
                }
            }

            #[test]
            fn on_yaml_like_text(text in r##"([-:?,\[\]{}&*!|>'"#%@` \n\ta-z0-9é]|---\n|&a |\*a|<<: ){0,200}"##) {
                let file = load("t", text.as_bytes(), &small_limits());
                for problem in &file.problems {
                    if let Some(span) = problem.span {
                        prop_assert!(span.end as usize <= text.len());
                        prop_assert!(text.is_char_boundary(span.start as usize));
                    }
                }
                for doc in &file.documents {
                    let _ = doc.root.to_json();
                }
            }
        }
    }
}
