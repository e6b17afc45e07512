//! Reading a large TMX or XLIFF (1.2 or 2) file in pieces, in memory that does not grow with the file.
//!
//! The file is read in blocks and cut after a unit's end tag (`</tu>`, `</trans-unit>`), found by
//! a scan of the markup that skips comments, CDATA and processing instructions. The scan keeps the
//! elements that hold units open at each cut (TMX: `<tmx>`, its header and `<body>`; XLIFF:
//! `<xliff>`, each `<file>` with its header and `<body>`, `<group>`s), so that each piece is
//! read by the format's reader as a document of its own: the file's prolog, the start tags of
//! what is open where the piece starts, the piece, and the end tags of what is open where it
//! ends (XLIFF 2: `<xliff>`, `<file>`, `<group>`, cut after `</unit>`). The work is a pipeline:
//! one thread reads the file and cuts it, the thread pool reads each piece as soon as it is cut,
//! and the calling thread hands the pieces on in file order, with a bounded number in flight and
//! their large buffers reused. The last piece gets no end tags, so that a file cut
//! short is the reader's error as it is when read whole. The languages asked for are checked over
//! the whole file. A file this cannot read so (not UTF-8) is left to the whole-file reader:
//! [`units`] says so by returning `Ok(None)`. Errors carry the line in the file.

use std::rc::Rc;

use crate::{Error, Langs, Unit};

/// An element that holds units: re-opened before a piece and closed after it.
struct Container {
    /// Its local name.
    name: &'static str,
    /// Taken with everything up to and with the start tag of this element (its header, then
    /// `<body>`), when not its start tag alone.
    through: Option<&'static str>,
    /// What closes it (and what `through` opened).
    closing: &'static str,
    /// What closes it when units come before `through` (taken then by its start tag alone).
    alone: &'static str,
    /// Whether it is taken through `through` also when its start tag closes it (TMX's
    /// `<header .../>`: the header's attributes say which language is the source).
    through_when_empty: bool,
}

/// How a format is cut and read.
struct Spec {
    unit: &'static str,
    containers: &'static [Container],
    /// The reader, without its check of the languages: the units and the languages present.
    read: Read,
    /// Whether a file without units must have the languages asked for too.
    require_always: bool,
}

/// Appends a piece's units to the vector given; the language tags present.
type Read = fn(&str, &Langs, &mut Vec<Unit>) -> Result<Vec<String>, Error>;

/// A piece read: its units' number, the language tags in it, its units as `map` made them.
type Piece<T> = (usize, Vec<String>, T);

/// An element opened by its start tag alone.
const fn element(name: &'static str, closing: &'static str) -> Container {
    Container {
        name,
        through: None,
        closing,
        alone: closing,
        through_when_empty: false,
    }
}

fn spec_for(format: &str, version2: bool) -> Option<&'static Spec> {
    static TMX: Spec = Spec {
        unit: "tu",
        read: crate::tmx::read_into,
        require_always: false,
        containers: &[
            element("tmx", "</tmx>"),
            Container {
                name: "header",
                through: Some("body"),
                closing: "</body>",
                alone: "</header>",
                through_when_empty: true,
            },
            // A <body> without a header before it.
            element("body", "</body>"),
        ],
    };
    static XLIFF: Spec = Spec {
        unit: "trans-unit",
        read: crate::xliff::read_into,
        require_always: true,
        containers: &[
            element("xliff", "</xliff>"),
            Container {
                name: "file",
                through: Some("body"),
                closing: "</body></file>",
                alone: "</file>",
                through_when_empty: false,
            },
            element("group", "</group>"),
        ],
    };
    static XLIFF2: Spec = Spec {
        unit: "unit",
        read: crate::xliff::read_into,
        require_always: true,
        containers: &[
            element("xliff", "</xliff>"),
            element("file", "</file>"),
            element("group", "</group>"),
        ],
    };
    match format {
        "tmx" => Some(&TMX),
        "xliff" if version2 => Some(&XLIFF2),
        "xliff" => Some(&XLIFF),
        _ => None,
    }
}

/// Whether the head of an XLIFF file is of version 2 (its namespace, or its units).
fn xliff2(head: &str) -> bool {
    head.contains("xliff:document:2") || head.contains("<unit ") || head.contains("<unit>")
}

/// An open container: its start (as in the file) and what closes it.
#[derive(Clone)]
struct Open {
    start: Rc<str>,
    closing: &'static str,
}

/// The scan of the markup, block by block.
struct Scanner {
    spec: &'static Spec,
    /// The text before the root element, once seen.
    prolog: Option<Rc<str>>,
    stack: Vec<Open>,
    /// A container being taken through (`through`): which, and where its `<` is in the buffer.
    taking: Option<(usize, usize)>,
    /// Bytes of the buffer scanned.
    scanned: usize,
    /// After the last unit end tag scanned, and what was open there.
    cut: Option<usize>,
    open_at_cut: Vec<Open>,
    /// Whether the stack changed since `open_at_cut` was taken.
    changed: bool,
    /// Units open (a unit inside a unit is malformed, but counted).
    in_unit: usize,
}

impl Scanner {
    fn new(spec: &'static Spec) -> Scanner {
        Scanner {
            spec,
            prolog: None,
            stack: Vec::new(),
            taking: None,
            scanned: 0,
            cut: None,
            open_at_cut: Vec::new(),
            changed: false,
            in_unit: 0,
        }
    }

    /// Scans `buf` from where the last scan stopped up to its last complete piece of markup,
    /// each tag read to its end as the XML reader reads it ([`tag_end`]). It stops after the
    /// first unit end at or past byte `limit`: a piece is about that long.
    fn scan(&mut self, buf: &[u8], limit: usize) {
        let mut i = self.scanned;
        while let Some(k) = memchr::memchr(b'<', &buf[i..]) {
            let lt = i + k;
            match self.markup(buf, lt) {
                Some(n) if n >= limit && self.cut == Some(n) => {
                    self.scanned = n;
                    return;
                }
                Some(n) => i = n,
                None => {
                    // Incomplete: scanned again when more is read.
                    self.scanned = lt;
                    return;
                }
            }
        }
        self.scanned = buf.len();
    }

    /// The markup at `buf[lt]` (a `<`): where the scan goes on, or `None` when it is cut off.
    fn markup(&mut self, buf: &[u8], lt: usize) -> Option<usize> {
        let rest = &buf[lt..];
        let skip_to = |open: usize, close: &[u8]| {
            memchr::memmem::find(rest.get(open..)?, close).map(|e| lt + open + e + close.len())
        };
        match rest.get(1)? {
            b'!' if rest.len() < 9 => None,
            b'!' if rest.starts_with(b"<!--") => skip_to(4, b"-->"),
            b'!' if rest.starts_with(b"<![CDATA[") => skip_to(9, b"]]>"),
            b'!' if rest[2..9].eq_ignore_ascii_case(b"DOCTYPE") => {
                doctype_end(rest).map(|e| lt + e + 1)
            }
            b'!' => skip_to(2, b">"),
            // As the XML reader: the first `?>` after `<` (`<?>` included).
            b'?' => skip_to(1, b"?>"),
            b'/' => {
                let local = local_name(&rest[2..])?;
                let end = lt + memchr::memchr(b'>', rest)?;
                self.end_tag(local, end + 1);
                Some(end + 1)
            }
            _ => {
                let local = local_name(&rest[1..])?;
                if self.prolog.is_none() {
                    self.prolog = Some(String::from_utf8_lossy(&buf[..lt]).into());
                }
                let wanted = self.taking.is_some()
                    || local == self.spec.unit.as_bytes()
                    || self
                        .spec
                        .containers
                        .iter()
                        .any(|c| c.name.as_bytes() == local);
                // Every start tag is read to its end as the XML reader reads it (a `>` in
                // quotes is no end), so that a `<` inside a tag, which the reader lets pass in a
                // malformed file, is no tag here either.
                let end = lt + tag_end(rest)?;
                // Inside a unit nothing opens a container (malformed markup in a <prop> holds
                // none for the reader either); a unit inside a unit is counted.
                let unit = local == self.spec.unit.as_bytes();
                if unit && self.in_unit > 0 && !rest[..=end - lt].ends_with(b"/>") {
                    self.in_unit += 1;
                } else if wanted && self.in_unit == 0 {
                    self.start_tag(buf, local, lt, end);
                    if unit && self.taking.is_none() && !rest[..=end - lt].ends_with(b"/>") {
                        self.in_unit = 1;
                    }
                }
                Some(end + 1)
            }
        }
    }

    /// An end tag that ends at `after`.
    fn end_tag(&mut self, local: &[u8], after: usize) {
        if let Some((k, _)) = self.taking {
            let c = &self.spec.containers[k];
            if !c.through_when_empty && local == c.name.as_bytes() {
                // Closed before `through` and before any unit: nothing to keep open.
                self.taking = None;
                return;
            }
        }
        if self.in_unit > 0 {
            if local == self.spec.unit.as_bytes() {
                self.in_unit -= 1;
            } else {
                return;
            }
            if self.in_unit > 0 {
                return;
            }
        }
        if local == self.spec.unit.as_bytes() && self.taking.is_none() {
            self.cut = Some(after);
            if self.changed {
                self.open_at_cut = self.stack.clone();
                self.changed = false;
            }
            return;
        }
        if let Some(top) = self.stack.last() {
            let ends = top.closing.rsplit("</").next().unwrap_or("");
            if ends.strip_suffix('>').map(str::as_bytes) == Some(local) {
                self.stack.pop();
                self.changed = true;
            }
        }
    }

    /// A container's start tag, or any start tag while a container is taken, `buf[lt..=end]`.
    fn start_tag(&mut self, buf: &[u8], local: &[u8], lt: usize, end: usize) {
        let container = |name: &[u8]| {
            self.spec
                .containers
                .iter()
                .position(|c| c.name.as_bytes() == name)
        };
        if let Some((k, from)) = self.taking {
            let c = &self.spec.containers[k];
            if Some(local) == c.through.map(str::as_bytes) {
                self.stack.push(Open {
                    start: String::from_utf8_lossy(&buf[from..=end]).into(),
                    closing: c.closing,
                });
                self.taking = None;
                self.changed = true;
                return;
            }
            let unit = local == self.spec.unit.as_bytes();
            if !unit && container(local).is_none() {
                return;
            }
            // A unit (or another container) before `through`: the container is open by its
            // start tag alone (before any cut, so `from` is still in the buffer).
            let own = &buf[from..];
            let own = &own[..=tag_end(own).unwrap_or(own.len() - 1)];
            let closing = if own.ends_with(b"/>") { "" } else { c.alone };
            self.stack.push(Open {
                start: String::from_utf8_lossy(own).into(),
                closing,
            });
            self.taking = None;
            self.changed = true;
            if unit {
                return;
            }
        }
        let Some(k) = container(local) else {
            return;
        };
        let c = &self.spec.containers[k];
        let empty = buf[lt..=end].ends_with(b"/>");
        match c.through {
            Some(_) if !empty || c.through_when_empty => self.taking = Some((k, lt)),
            _ if empty => {}
            _ => {
                self.stack.push(Open {
                    start: String::from_utf8_lossy(&buf[lt..=end]).into(),
                    closing: c.closing,
                });
                self.changed = true;
            }
        }
    }

    /// The buffer lost its first `n` bytes (a piece taken): positions move.
    fn shift(&mut self, n: usize) {
        self.scanned -= n;
        self.cut = None;
        if let Some((_, from)) = self.taking.as_mut() {
            *from -= n;
        }
    }

    /// What opens a piece that starts at the last cut: the prolog and the open start tags.
    fn opening_at_cut(&self) -> String {
        let mut s = self.prolog.as_deref().unwrap_or("").to_string();
        for o in &self.open_at_cut {
            s.push_str(&o.start);
        }
        s
    }

    /// What closes a piece that ends at the last cut.
    fn closing_at_cut(&self) -> String {
        self.open_at_cut.iter().rev().map(|o| o.closing).collect()
    }
}

/// The local name (after any prefix) at the start of `s`, if its end is there.
fn local_name(s: &[u8]) -> Option<&[u8]> {
    let len = s
        .iter()
        .position(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')?;
    let name = &s[..len];
    Some(match memchr::memrchr(b':', name) {
        Some(c) => &name[c + 1..],
        None => name,
    })
}

/// The `>` that ends the tag `rest` starts with (quoted values may hold `>`), if it is there.
fn tag_end(rest: &[u8]) -> Option<usize> {
    let mut k = 1;
    loop {
        k += memchr::memchr3(b'>', b'"', b'\'', &rest[k..])?;
        match rest[k] {
            b'>' => return Some(k),
            quote => k += 1 + memchr::memchr(quote, &rest[k + 1..])? + 1,
        }
    }
}

/// The `>` that ends the `<!DOCTYPE` declaration `rest` starts with: as the XML reader finds it,
/// by the balance of `<` and `>` (its internal subset holds declarations of its own).
fn doctype_end(rest: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    for (k, &b) in rest.iter().enumerate() {
        match b {
            b'<' => depth += 1,
            b'>' => {
                depth -= 1;
                if depth == 0 {
                    return Some(k);
                }
            }
            _ => {}
        }
    }
    None
}

/// Reads the units of `reader` (a file of format `format`, `tmx` or `xliff`) piece by piece,
/// `block` bytes at a time. Each piece's units go through `map` (on the piece's thread: render
/// them there, so that the work is shared) and then, in file order, to `sink`. `map` may take
/// the units (`std::mem::take`); what it leaves is dropped and the vector reused for another
/// piece. The number of
/// units read, or `Ok(None)`: this file cannot be read in pieces (see the module documentation);
/// nothing was given to `sink`.
pub fn units<R: std::io::Read + Send, T: Send>(
    mut reader: R,
    format: &str,
    langs: &Langs,
    block: usize,
    map: &(dyn Fn(&mut Vec<Unit>) -> T + Sync),
    sink: &mut dyn FnMut(T) -> std::io::Result<()>,
) -> Result<Option<usize>, StreamError> {
    let block = block.max(64);
    let mut buf: Vec<u8> = Vec::with_capacity(block * 2);
    fill(&mut reader, &mut buf, 65_536).map_err(|e| cannot_read(e, 1))?;
    let Some(spec) = head_text(&buf).and_then(|h| spec_of(h, format)) else {
        return Ok(None);
    };
    if buf.starts_with(b"\xEF\xBB\xBF") {
        buf.drain(..3);
    }
    // A pipeline: this thread writes, in file order; a thread of its own reads the file and cuts
    // it; the pool's threads read the pieces, each as soon as it is cut. Pieces in flight are
    // bounded by permits that the writer hands back, so memory does not grow with the file.
    let in_flight = rayon::current_num_threads().max(1) * 2 + 1;
    let (permit_tx, permit_rx) = std::sync::mpsc::sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        // Cannot fail: the channel holds them all and its receiver is alive.
        let _ = permit_tx.send(());
    }
    let (done_tx, done_rx) = std::sync::mpsc::channel::<(usize, Result<Piece<T>, StreamError>)>();
    // The large buffers of a piece (its text, its units) are reused for later pieces rather than
    // freed and allocated again: with the system allocator, megabytes freed and taken again are
    // pages faulted in anew (a fifth of an export's time). As many as pieces in flight.
    let (spent_tx, spent_rx) = std::sync::mpsc::channel::<Vec<u8>>();
    let spare_units: std::sync::Mutex<Vec<Vec<Unit>>> = std::sync::Mutex::new(Vec::new());
    let spare_units = &spare_units;
    std::thread::scope(|threads| {
        threads.spawn(move || {
            rayon::in_place_scope(|pool| {
                let mut cutter = Cutter::new(spec, buf, block, spent_rx);
                let mut seq = 0;
                // A permit a piece; none left and the writer gone: stop.
                while permit_rx.recv().is_ok() {
                    let piece = match cutter.next(&mut reader) {
                        Ok(Some(p)) => p,
                        Ok(None) => break,
                        Err(e) => {
                            let _ = done_tx.send((seq, Err(e)));
                            break;
                        }
                    };
                    let tx = done_tx.clone();
                    let spent = spent_tx.clone();
                    let here = seq;
                    pool.spawn(move |_| {
                        let read = read_piece(spec.read, piece, langs, map, &spent, spare_units);
                        let _ = tx.send((here, read));
                    });
                    seq += 1;
                }
                drop(done_tx);
            });
        });
        write_in_order(spec, langs, done_rx, permit_tx, sink)
    })
}

/// Reads one piece (a document of its own) and maps its units; errors at the file's lines.
fn read_piece<T>(
    read: Read,
    piece: Cut,
    langs: &Langs,
    map: &(dyn Fn(&mut Vec<Unit>) -> T + Sync),
    spent: &std::sync::mpsc::Sender<Vec<u8>>,
    spare_units: &std::sync::Mutex<Vec<Vec<Unit>>>,
) -> Result<Piece<T>, StreamError> {
    let Cut {
        whole,
        opening_lines,
        first_line,
    } = piece;
    // Lines of the piece are lines of the file.
    let in_file = |at: usize| at.saturating_sub(opening_lines) + first_line - 1;
    // simdutf8: validating each piece with the standard library's `from_utf8` took a tenth of an
    // export of Chinese and English text; the error's place is then found by the standard
    // library (only on error).
    let text = simdutf8::basic::from_utf8(&whole).map_err(|_| {
        let e = std::str::from_utf8(&whole).err();
        let at = e.map_or(0, |e| e.valid_up_to());
        StreamError::Read(Error {
            line: in_file(1 + memchr_count(&whole[..at])),
            column: 1,
            message: match e {
                Some(e) => format!("not UTF-8: {e}"),
                None => "not UTF-8".to_owned(),
            },
            missing_languages: false,
        })
    })?;
    let mut units = spare_units
        .lock()
        .ok()
        .and_then(|mut spare| spare.pop())
        .unwrap_or_default();
    let present = read(text, langs, &mut units).map_err(|mut e| {
        e.line = in_file(e.line);
        StreamError::Read(e)
    })?;
    // The cutter may be gone (after the last piece).
    let _ = spent.send(whole);
    let n = units.len();
    let mapped = map(&mut units);
    units.clear();
    if let Ok(mut spare) = spare_units.lock() {
        spare.push(units);
    }
    Ok((n, present, mapped))
}

/// Hands the pieces read to `sink` in file order, each as soon as those before it are out, and
/// a permit back for each; the languages asked for are checked over the whole file, as when it
/// is read whole: output is held until they are seen (in the first piece, as a rule).
fn write_in_order<T>(
    spec: &Spec,
    langs: &Langs,
    done: std::sync::mpsc::Receiver<(usize, Result<Piece<T>, StreamError>)>,
    permits: std::sync::mpsc::SyncSender<()>,
    sink: &mut dyn FnMut(T) -> std::io::Result<()>,
) -> Result<Option<usize>, StreamError> {
    let mut waiting = std::collections::BTreeMap::new();
    let mut next = 0;
    let mut total = 0;
    let mut present: Vec<String> = Vec::new();
    let mut ready = false;
    let mut held: Vec<T> = Vec::new();
    // Ends when every piece is read (the cutter and every reader gone); returning early drops
    // the permits and the receiver, which stops the cutter.
    for (seq, piece) in done {
        waiting.insert(seq, piece);
        while let Some(piece) = waiting.remove(&next) {
            next += 1;
            let (n, langs_here, rendered) = piece?;
            total += n;
            for l in langs_here {
                if !present.contains(&l) {
                    present.push(l);
                }
            }
            if !ready && langs.check_present(&present).is_ok() {
                ready = true;
            }
            if ready {
                for h in held.drain(..) {
                    sink(h).map_err(StreamError::Write)?;
                }
                sink(rendered).map_err(StreamError::Write)?;
            } else {
                held.push(rendered);
            }
            // The cutter may be gone after the last piece.
            let _ = permits.send(());
        }
    }
    if !ready {
        if spec.require_always || total > 0 || !present.is_empty() {
            if let Err(message) = langs.check_present(&present) {
                return Err(StreamError::Read(Error {
                    line: 1,
                    column: 1,
                    message,
                    missing_languages: true,
                }));
            }
        }
        for h in held {
            sink(h).map_err(StreamError::Write)?;
        }
    }
    Ok(Some(total))
}

/// A piece cut: the piece as a document, the lines of its opening, its first line in the file.
struct Cut {
    whole: Vec<u8>,
    opening_lines: usize,
    first_line: usize,
}

/// Cuts a file into pieces of about `block` bytes (see the module documentation).
struct Cutter {
    scanner: Scanner,
    buf: Vec<u8>,
    block: usize,
    /// The file's line where the next piece starts.
    line: usize,
    /// What opens the next piece.
    opening: String,
    eof: bool,
    done: bool,
    /// Buffers of pieces read, to reuse.
    spent: std::sync::mpsc::Receiver<Vec<u8>>,
}

impl Cutter {
    fn new(
        spec: &'static Spec,
        buf: Vec<u8>,
        block: usize,
        spent: std::sync::mpsc::Receiver<Vec<u8>>,
    ) -> Cutter {
        Cutter {
            spent,
            scanner: Scanner::new(spec),
            buf,
            block,
            line: 1,
            opening: String::new(),
            eof: false,
            done: false,
        }
    }

    /// The next piece, `None` after the last.
    fn next<R: std::io::Read>(&mut self, reader: &mut R) -> Result<Option<Cut>, StreamError> {
        if self.done {
            return Ok(None);
        }
        let block = self.block;
        loop {
            if !self.eof && self.buf.len() < block {
                self.eof =
                    fill(reader, &mut self.buf, block).map_err(|e| cannot_read(e, self.line))? == 0;
            }
            self.scanner.scan(&self.buf, block);
            let (take, last) = match self.scanner.cut {
                Some(c) if !self.eof || c < self.buf.len() => (c, false),
                _ if self.eof => (self.buf.len(), true),
                _ => {
                    // No unit ends in what was read: read more before cutting.
                    self.eof = fill(reader, &mut self.buf, block)
                        .map_err(|e| cannot_read(e, self.line))?
                        == 0;
                    continue;
                }
            };
            let (closing, next) = if last {
                (String::new(), String::new())
            } else {
                (self.scanner.closing_at_cut(), self.scanner.opening_at_cut())
            };
            let this = std::mem::replace(&mut self.opening, next);
            let mut whole = self.spent.try_recv().unwrap_or_default();
            whole.clear();
            whole.reserve(this.len() + take + closing.len());
            whole.extend_from_slice(this.as_bytes());
            whole.extend_from_slice(&self.buf[..take]);
            whole.extend_from_slice(closing.as_bytes());
            let lines = memchr_count(&self.buf[..take]);
            self.buf.drain(..take);
            self.scanner.shift(take);
            let cut = Cut {
                whole,
                opening_lines: memchr_count(this.as_bytes()),
                first_line: self.line,
            };
            self.line += lines;
            self.done = last;
            return Ok(Some(cut));
        }
    }
}

/// The file could not be read (an I/O error), near `line`.
fn cannot_read(e: std::io::Error, line: usize) -> StreamError {
    StreamError::Read(Error {
        line,
        column: 1,
        message: format!("cannot read the file: {e}"),
        missing_languages: false,
    })
}

fn memchr_count(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

/// Whether a file that starts with `head` (its first 64 KiB or so) can be read in pieces:
/// a format that is cut (TMX, XLIFF 1.2 and 2), in UTF-8 (declared or not).
pub fn can_cut(head: &[u8], format: &str) -> bool {
    head_text(head).and_then(|h| spec_of(h, format)).is_some()
}

/// The first 64 KiB of a file as text, without its BOM; `None` when it is not UTF-8 (a
/// character cut at the end is left out).
pub fn head_text(head: &[u8]) -> Option<&str> {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let head = &head[..head.len().min(65_536)];
    match std::str::from_utf8(head) {
        Ok(h) => Some(h),
        // The head may end inside a character; any other error: not UTF-8.
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&head[..e.valid_up_to()]).ok(),
        Err(_) => None,
    }
}

/// How a file with this head is cut, if it can be: not when its XML declaration names an
/// encoding other than UTF-8, or a second BOM follows.
fn spec_of(head: &str, format: &str) -> Option<&'static Spec> {
    let decl_other = head.starts_with("<?xml")
        && head[..head.find("?>").unwrap_or(0)]
            .to_ascii_lowercase()
            .split("encoding")
            .nth(1)
            .is_some_and(|e| !e.contains("utf-8") && !e.contains("utf8"));
    if decl_other || head.starts_with('\u{feff}') {
        return None;
    }
    spec_for(format, format == "xliff" && xliff2(head))
}

/// Appends up to `n` bytes from `r` to `buf`; the number read (0 at the end).
///
/// Reads into the vector's spare capacity (`read_to_end` on a `take`), so the bytes are not
/// zeroed first; reserve `n` beforehand to read without growing the vector.
pub fn fill<R: std::io::Read>(r: &mut R, buf: &mut Vec<u8>, n: usize) -> std::io::Result<usize> {
    use std::io::Read;
    buf.reserve(n);
    r.by_ref().take(n as u64).read_to_end(buf)
}

/// What went wrong: the file (where, what) or writing out.
#[derive(Debug)]
pub enum StreamError {
    Read(Error),
    Write(std::io::Error),
}

impl From<std::io::Error> for StreamError {
    fn from(e: std::io::Error) -> Self {
        StreamError::Write(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `units` over `text` in pieces of `block` bytes: the result and the units handed out.
    fn in_pieces(
        text: impl AsRef<[u8]>,
        format: &str,
        langs: &Langs,
        block: usize,
    ) -> (Result<Option<usize>, StreamError>, Vec<Unit>) {
        let mut got = Vec::new();
        let r = units(
            text.as_ref(),
            format,
            langs,
            block,
            &std::mem::take,
            &mut |u| {
                got.extend(u);
                Ok(())
            },
        );
        (r, got)
    }

    fn tmx(n: usize) -> String {
        let mut s = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n<header srclang=\"en\" \
             datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" o-tmf=\"x\" \
             creationtool=\"t\" creationtoolversion=\"1\"/>\n<body>\n",
        );
        for k in 0..n {
            s.push_str(&format!(
                "<tu tuid=\"{k}\">\n  <tuv xml:lang=\"en\"><seg>Unit {k} &amp; <bpt i=\"1\">&lt;b&gt;</bpt>more<ept i=\"1\">&lt;/b&gt;</ept>.</seg></tuv>\n  <tuv xml:lang=\"zh-CN\"><seg>第{k}个单元。</seg></tuv>\n</tu>\n"
            ));
        }
        s.push_str("</body>\n</tmx>\n");
        s
    }

    fn texts(units: &[Unit]) -> Vec<(String, String, String, String)> {
        units
            .iter()
            .map(|u| {
                (
                    u.a.lang.clone(),
                    u.a.joined(),
                    u.b.lang.clone(),
                    u.b.joined(),
                )
            })
            .collect()
    }

    #[test]
    fn pieces_give_the_units_of_the_whole_file() {
        let text = tmx(700);
        let langs = Langs::zh_en();
        let whole = crate::tmx::read(&text, &langs).unwrap();
        for block in [64, 4096, 10_000, 1 << 20] {
            let (n, got) = in_pieces(text.as_bytes(), "tmx", &langs, block);
            let n = n.unwrap();
            assert_eq!(n, Some(700));
            assert_eq!(texts(&got), texts(&whole), "block {block}");
        }
    }

    #[test]
    fn a_reused_vector_holds_only_its_piece() {
        // `map` leaves the units where they are: each piece must still see only its own.
        let text = tmx(700);
        let mut seen = 0;
        let n = units(
            text.as_bytes(),
            "tmx",
            &Langs::zh_en(),
            64,
            &|u| u.len(),
            &mut |k| {
                seen += k;
                Ok(())
            },
        );
        assert_eq!((n.unwrap(), seen), (Some(700), 700));
    }

    #[test]
    fn a_write_error_stops_the_pipeline() {
        // Hundreds of pieces; the sink fails at once: the cutter and the readers stop (no
        // hang) and the error is the write's. The units left in the vector by `map` are
        // dropped and the vector reused.
        let text = tmx(700);
        let mut calls = 0;
        let r = units(
            text.as_bytes(),
            "tmx",
            &Langs::zh_en(),
            64,
            &|u| u.len(),
            &mut |_| {
                calls += 1;
                Err(std::io::Error::other("disk full"))
            },
        );
        assert!(
            matches!(r, Err(StreamError::Write(_))),
            "{:?}",
            r.map(|_| ())
        );
        assert_eq!(calls, 1);
    }

    #[test]
    fn an_error_is_at_its_line_in_the_file() {
        let mut text = tmx(300);
        let at = text.find("<tu tuid=\"250\">").unwrap();
        text.insert_str(at, "<tu><tuv xml:lang=\"en\"><seg>broken</tuv></tu>\n");
        let line = text[..at].matches('\n').count() + 1;
        let e = in_pieces(text.as_bytes(), "tmx", &Langs::zh_en(), 4096).0;
        match e {
            Err(StreamError::Read(e)) => assert_eq!(e.line, line, "{}", e.message),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn files_it_cannot_cut_are_left_to_the_whole_reader() {
        let utf16 = b"\xff\xfe<\x00";
        assert!(in_pieces(&utf16[..], "tmx", &Langs::zh_en(), 4096)
            .0
            .unwrap()
            .is_none());
        let gbk =
            b"<?xml version=\"1.0\" encoding=\"GBK\"?><tmx version=\"1.4\"><body></body></tmx>";
        assert!(!can_cut(gbk, "tmx"));
    }

    /// An XLIFF 1.2 file as CAT tools write it: groups (nested, some empty), two files with
    /// other languages and a header, comments and CDATA that hold what looks like markup.
    fn xliff(n: usize) -> String {
        let mut s = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- <trans-unit> in a comment -->\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n",
        );
        for (f, (src, trg)) in [("zh-CN", "en"), ("en-US", "zh-TW")].iter().enumerate() {
            s.push_str(&format!(
                "<file original=\"f{f}\" source-language=\"{src}\" target-language=\"{trg}\" datatype=\"plaintext\">\n<header><tool tool-id=\"t\" tool-name=\"a > b\"/></header>\n<body>\n"
            ));
            for k in 0..n {
                if k % 7 == 0 {
                    s.push_str(&format!(
                        "<group id=\"g{f}-{k}\" resname='x>y'>\n<group id=\"inner{k}\">\n"
                    ));
                }
                if k % 11 == 0 {
                    s.push_str("<group id=\"empty\"/>\n");
                }
                s.push_str(&format!(
                    "<trans-unit id=\"{f}-{k}\">\n  <source>第{k}句 &amp; <![CDATA[</trans-unit><group>]]> 民族团结</source>\n  <target>Sentence {k} <g id=\"1\">bold</g><!-- </group> --></target>\n</trans-unit>\n"
                ));
                if k % 7 == 6 || k + 1 == n {
                    s.push_str("</group>\n</group>\n");
                }
            }
            s.push_str("</body>\n</file>\n");
        }
        s.push_str("</xliff>\n");
        s
    }

    #[test]
    fn xliff_with_groups_files_and_cdata_gives_the_units_of_the_whole_file() {
        let text = xliff(400);
        let langs = Langs::default();
        let whole = crate::xliff::read(&text, &langs).unwrap();
        assert_eq!(whole.len(), 800);
        assert!(whole.iter().any(|u| u.a.lang == "en-US"));
        for block in [64, 4096, 9999, 1 << 20] {
            let (n, got) = in_pieces(text.as_bytes(), "xliff", &langs, block);
            let n = n.unwrap();
            assert_eq!(n, Some(800), "block {block}");
            assert_eq!(texts(&got), texts(&whole), "block {block}");
        }
    }

    #[test]
    fn a_file_cut_short_is_an_error_as_when_read_whole() {
        let text = xliff(300);
        let short = &text[..text.rfind("</body>").unwrap()];
        assert!(crate::xliff::read(short, &Langs::default()).is_err());
        let r = in_pieces(short.as_bytes(), "xliff", &Langs::default(), 4096).0;
        assert!(
            matches!(r, Err(StreamError::Read(_))),
            "{:?}",
            r.map(|_| ())
        );
        let t = tmx(500);
        let short = &t[..t.rfind("</body>").unwrap()];
        let r = in_pieces(short.as_bytes(), "tmx", &Langs::zh_en(), 4096).0;
        assert!(matches!(r, Err(StreamError::Read(_))));
    }

    #[test]
    fn languages_are_checked_over_the_whole_file() {
        // Chinese in the first units only: read whole, the file has zh and en.
        let mut t = tmx(400);
        let half = t.find("<tu tuid=\"200\">").unwrap();
        let tail = t[half..].replace("xml:lang=\"zh-CN\"", "xml:lang=\"ja\"");
        t.replace_range(half.., &tail);
        let langs = Langs::zh_en();
        let whole = crate::tmx::read(&t, &langs).unwrap();
        let (n, got) = in_pieces(t.as_bytes(), "tmx", &langs, 4096);
        let n = n.unwrap();
        assert_eq!(n, Some(whole.len()));
        assert_eq!(texts(&got), texts(&whole));
        // No Chinese anywhere: an error at 1:1, as read whole, and nothing written.
        let ja = t.replace("xml:lang=\"zh-CN\"", "xml:lang=\"ja\"");
        let e = crate::tmx::read(&ja, &langs).unwrap_err();
        let mut written = 0;
        match units(
            ja.as_bytes(),
            "tmx",
            &langs,
            4096,
            &std::mem::take,
            &mut |_| {
                written += 1;
                Ok(())
            },
        ) {
            Err(StreamError::Read(s)) => {
                assert_eq!(
                    (s.line, s.column, &s.message),
                    (e.line, e.column, &e.message)
                );
                assert!(s.missing_languages);
            }
            other => panic!("{:?}", other.map(|_| ())),
        }
        assert_eq!(written, 0);
    }

    #[test]
    fn xliff_2_gives_the_units_of_the_whole_file() {
        let mut x = String::from(
            "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"zh-CN\" trgLang=\"en\">\n",
        );
        for f in 0..2 {
            x.push_str(&format!(
                "<file id=\"f{f}\">\n<notes><note>file note</note></notes>\n"
            ));
            for k in 0..300 {
                if k % 9 == 0 {
                    x.push_str(&format!("<group id=\"g{f}-{k}\">\n"));
                }
                x.push_str(&format!(
                    "<unit id=\"u{f}-{k}\"><segment state=\"translated\"><source>第{k}句<ph id=\"1\"/>。</source><target>Sentence {k}<ph id=\"1\"/>.</target></segment><ignorable><source> </source></ignorable><segment><source>二</source><target>Two</target></segment></unit>\n"
                ));
                if k % 9 == 8 || k == 299 {
                    x.push_str("</group>\n");
                }
            }
            x.push_str("</file>\n");
        }
        x.push_str("</xliff>\n");
        let langs = Langs::zh_en();
        let whole = crate::xliff::read(&x, &langs).unwrap();
        assert!(whole.len() >= 1200, "{}", whole.len());
        for block in [64, 7777] {
            let (n, got) = in_pieces(x.as_bytes(), "xliff", &langs, block);
            let n = n.unwrap();
            assert_eq!(n, Some(whole.len()));
            assert_eq!(texts(&got), texts(&whole));
        }
    }

    type ReadWhole = fn(&str, &Langs) -> Result<Vec<Unit>, Error>;

    /// Inputs the fuzz target `bilingual` found (fuzz/regressions/bilingual; the first byte picks
    /// the reader there): read in pieces they give what they give read whole.
    #[test]
    fn fuzz_regressions_read_in_pieces_as_whole() {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fuzz/regressions/bilingual"
        );
        let mut n = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let data = std::fs::read(entry.unwrap().path()).unwrap();
            let Ok(text) = std::str::from_utf8(&data[1..]) else {
                continue;
            };
            for (format, read) in [
                ("tmx", crate::tmx::read as ReadWhole),
                ("xliff", crate::xliff::read),
            ] {
                for langs in [Langs::zh_en(), Langs::default()] {
                    let whole = read(text, &langs);
                    let mut got = Vec::new();
                    let streamed = units(
                        text.as_bytes(),
                        format,
                        &langs,
                        64,
                        &std::mem::take,
                        &mut |u| {
                            got.extend(u);
                            Ok(())
                        },
                    );
                    match (whole, streamed) {
                        (_, Ok(None)) | (Err(_), Err(_)) => {}
                        (Ok(w), Ok(Some(k))) => {
                            assert_eq!(k, w.len());
                            assert_eq!(texts(&got), texts(&w));
                        }
                        (w, s) => {
                            panic!("{format}: {:?} / {:?}", w.map(|u| u.len()), s.map(|_| ()))
                        }
                    }
                }
            }
            n += 1;
        }
        assert!(n >= 1);
    }
}
