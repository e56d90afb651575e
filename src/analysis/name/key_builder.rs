//! A transliteration key under construction: the primary spelling of a word, and the
//! places where a spelling that systems read differently may take another piece.
//!
//! The script rules (`kk.rs`, `ru.rs`, `fold.rs`) append pieces to a [`KeyBuilder`];
//! `key.rs` turns it into the word's keys.

/// At most this many ambiguous spellings per word get an alternative.
const MAX_SITES: usize = 6;

/// An ambiguous spelling: a byte range of the primary buffer and the
/// alternative pieces that may replace it.
#[derive(Clone, Copy)]
pub(super) struct Site {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) primary: &'static str,
    pub(super) alt: &'static str,
    /// A third reading, for the spellings three systems read three ways (`ch`).
    pub(super) alt2: Option<&'static str>,
}

impl Site {
    /// The site's readings: primary, alternative, and the third if any.
    pub(super) fn readings(&self) -> impl Iterator<Item = &'static str> {
        [Some(self.primary), Some(self.alt), self.alt2]
            .into_iter()
            .flatten()
    }

    /// Sites with the same two readings belong to one group (every `j` of a
    /// word, every `ch`): a word is written in one system, so a group is also
    /// read one way throughout. A third reading one site of the group has and
    /// another has not (j before a vowel is also х, a French ch also ш) does not
    /// split the group: the other sites keep their primary for it
    /// ([`Site::group_reading`]).
    pub(super) fn same_group(&self, other: &Site) -> bool {
        (self.primary == other.primary && self.alt == other.alt)
            || (self.primary == other.alt && self.alt == other.primary)
    }

    /// This site's reading when its group is read as `reading`: that reading if
    /// the site has it, its primary otherwise.
    pub(super) fn group_reading(&self, reading: &'static str) -> &'static str {
        if self.readings().any(|r| r == reading) {
            reading
        } else {
            self.primary
        }
    }
}

/// A key under construction: the primary spelling plus the places where an
/// alternative piece may replace it.
pub(crate) struct KeyBuilder {
    pub(super) buf: String,
    pub(super) sites: [Site; MAX_SITES],
    pub(super) n_sites: usize,
}

impl KeyBuilder {
    pub(super) fn new() -> Self {
        let empty = Site {
            start: 0,
            end: 0,
            primary: "",
            alt: "",
            alt2: None,
        };
        KeyBuilder {
            buf: String::with_capacity(24),
            sites: [empty; MAX_SITES],
            n_sites: 0,
        }
    }

    /// Appends a piece with no alternative.
    pub(crate) fn push(&mut self, piece: &str) {
        self.buf.push_str(piece);
    }

    /// Appends a char with no alternative.
    pub(crate) fn push_char(&mut self, c: char) {
        self.buf.push(c);
    }

    /// Appends `primary`, recording `alt` as an alternative for it.
    pub(crate) fn push_alt(&mut self, primary: &'static str, alt: &'static str) {
        self.push_site(primary, alt, None);
    }

    /// Appends `primary`, recording `alt` and `alt2` as alternatives for it.
    pub(crate) fn push_alt3(
        &mut self,
        primary: &'static str,
        alt: &'static str,
        alt2: &'static str,
    ) {
        self.push_site(primary, alt, Some(alt2));
    }

    fn push_site(&mut self, primary: &'static str, alt: &'static str, alt2: Option<&'static str>) {
        let start = self.buf.len();
        self.buf.push_str(primary);
        if self.n_sites < MAX_SITES {
            self.sites[self.n_sites] = Site {
                start,
                end: self.buf.len(),
                primary,
                alt,
                alt2,
            };
            self.n_sites += 1;
        }
    }
}
