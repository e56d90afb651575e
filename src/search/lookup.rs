//! Looking a person up by name: [`SearchRequest::name`].

use super::SearchRequest;
use crate::analysis::words::words;
use crate::index::text_analyzer;

impl SearchRequest {
    /// A request that looks a person up by name, written in any script, romanisation,
    /// case and word order (`"Bakytzhan Sagintaev"`, `"САГИНТАЕВ Бакытжан"`), first 10
    /// hits, ranked for precision.
    ///
    /// `name` is a name, not a query: its words are searched as bare words (brackets,
    /// quotes, operators and field prefixes in it are plain punctuation, so
    /// `"Abai (Ibrahim) Kunanbayev"` is three words and `AND` is a name part), and every
    /// word counts, English stop words too (`"Theresa May"`). `"Surname, Given"` is read
    /// by its comma. Places are not people: a word's variant keys (related forms, fuzzy
    /// and one-edit neighbours) that name a place (tagged in some unit, or a country or
    /// city the entity stage knows) are not matches (`Almat` does not find `Almaty`),
    /// unless the word is that place's name. A unit the entity stage filed under a
    /// person without writing the whole name (a later `Azizi` alone, linked to
    /// `Pakhshan Azizi`) matches every word of the name through its person field, so
    /// the lookup finds it beside the units that write the name. Hits scoring below
    /// [`crate::analysis::name::RELATIVE_CUTOFF`] × the best are dropped
    /// ([`relative_cutoff`](Self::relative_cutoff)): once a unit names the whole
    /// person, units that share only a given name or a weak key are other people.
    ///
    /// Why a constructor and not an automatic rule: the cutoff is right for a name and
    /// wrong for prose. In `"torture prison"` a unit about torture alone is relevant,
    /// and a cutoff would drop it silently; and whether a few bare words are a name
    /// cannot be told reliably from the words (`"European Parliament"`,
    /// `"nursultan"`). So [`SearchRequest::new`] never drops a hit for scoring low,
    /// and a name lookup says so. The other builder methods (filters, paging, facet
    /// counts) apply as usual; `.relative_cutoff(share)` afterwards sets another share.
    ///
    /// ```
    /// use whereas::Index;
    /// use whereas::SearchRequest;
    ///
    /// let text = "Resolution on Kazakhstan\n\n\
    ///     A.\u{a0}whereas Bakhytzhan Sagintaev met the delegation;\n\n\
    ///     B.\u{a0}whereas Bakhytzhan Sapiev was not present;\n";
    /// let mut resolution = whereas::segment(text)?;
    /// resolution.reference = Some("TA-9-2021-0056".into());
    /// let index = Index::from_resolutions([&resolution])?;
    /// let hits = index.search(&SearchRequest::name("Бакытжан САГИНТАЕВ"))?.hits;
    /// assert_eq!(hits.len(), 1);
    /// assert!(hits[0].text.contains("Sagintaev"));
    /// // The same words as a plain query also return the namesake, ranked below.
    /// let hits = index.search(&SearchRequest::new("Бакытжан САГИНТАЕВ"))?.hits;
    /// assert_eq!(hits.len(), 2);
    /// # Ok::<(), whereas::Error>(())
    /// ```
    pub fn name(name: impl AsRef<str>) -> SearchRequest {
        let mut analyzer = text_analyzer();
        let mut query = String::with_capacity(name.as_ref().len() + 8);
        // A Tibetan name in Wylie (`bkra shis dbang phyug`) is looked up as it is
        // written in the script (`བཀྲ་ཤིས་དབང་ཕྱུག`), one word whose keys are the
        // name's sounds, as texts spell them (`Tashi Wangchuk`); the Wylie's
        // letters as written meet no text.
        let wylie = crate::analysis::name::wylie_to_script(name.as_ref());
        let name = wylie.as_deref().unwrap_or(name.as_ref());
        for (at, word) in words(name) {
            if !query.is_empty() {
                query.push(' ');
            }
            let stop = analyzer.token_stream(word).next().is_none();
            let operator = matches!(word, "AND" | "OR" | "NOT" | "IN" | "TO");
            if stop || operator {
                // Quoted, a stop word is looked up like any word, and an operator
                // is a word.
                query.push('"');
                query.push_str(word);
                query.push('"');
                continue;
            }
            for c in word.chars() {
                if matches!(c, '\'' | '`') {
                    query.push('\\');
                }
                query.push(c);
            }
            // "Surname, Given": the comma tells the order.
            if name[at + word.len()..].trim_start().starts_with(',') {
                query.push(',');
            }
        }
        let mut request = SearchRequest::new(query);
        // RELATIVE_CUTOFF is a share in 0..=1 (a test of the name analysis holds it).
        request.relative_cutoff = Some(crate::analysis::name::RELATIVE_CUTOFF);
        request.person_lookup = true;
        request
    }
}
