//! The tantivy schema of a whereas index: one document per unit.

use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST,
    INDEXED, STORED, STRING,
};

use crate::index::tokenizer;

/// The schema version this build writes and accepts. Bump it whenever a field, an
/// analyzer or the name keys change in a way that makes old indexes give wrong answers.
pub const SCHEMA_VERSION: u32 = 10;

/// Field names, as they appear in the schema and in the NDJSON export.
pub(crate) mod name {
    pub const ID: &str = "id";
    pub const REFERENCE: &str = "reference";
    pub const KIND: &str = "kind";
    pub const LABEL: &str = "label";
    pub const ORDINAL: &str = "ordinal";
    pub const TITLE: &str = "title";
    pub const DATE: &str = "date";
    pub const DATE_NUM: &str = "date_num";
    pub const TEXT: &str = "text";
    pub const NAME_EXACT: &str = "name_exact";
    pub const NAME_FOLDED: &str = "name_folded";
    pub const NAME_TRANSLIT: &str = "name_translit";
    pub const NAME_RELATED: &str = "name_related";
    pub const PERSON: &str = "person";
    pub const ORG: &str = "org";
    pub const PLACE: &str = "place";
    pub const LAW: &str = "law";
    pub const FACETS: &str = "facets";
    pub const ENTITIES: &str = "entities";
}

/// Handles on every field of the schema.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    pub id: Field,
    pub reference: Field,
    pub kind: Field,
    pub label: Field,
    pub ordinal: Field,
    pub title: Field,
    pub date: Field,
    pub date_num: Field,
    pub text: Field,
    pub name_exact: Field,
    pub name_folded: Field,
    pub name_translit: Field,
    pub name_related: Field,
    pub person: Field,
    pub org: Field,
    pub place: Field,
    pub law: Field,
    pub facets: Field,
    pub entities: Field,
}

fn analysed(tokenizer: &str, stored: bool) -> TextOptions {
    with_record(tokenizer, stored, IndexRecordOption::WithFreqsAndPositions)
}

/// An analysed field that records `record`.
fn with_record(tokenizer: &str, stored: bool, record: IndexRecordOption) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(tokenizer)
        .set_index_option(record);
    let options = TextOptions::default().set_indexing_options(indexing);
    if stored {
        options.set_stored()
    } else {
        options
    }
}

fn entity_field() -> TextOptions {
    with_record(tokenizer::ENTITY, false, IndexRecordOption::WithFreqs)
}

/// Builds the schema and the field handles.
pub(crate) fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let date_options: NumericOptions = NumericOptions::from(INDEXED) | FAST;
    let fields = Fields {
        id: b.add_text_field(name::ID, STRING | STORED),
        // Fast: hits sorted by date or document order are ordered by reference.
        reference: b.add_text_field(name::REFERENCE, STRING | STORED | FAST),
        kind: b.add_text_field(name::KIND, STRING | STORED),
        label: b.add_text_field(name::LABEL, STORED),
        ordinal: b.add_u64_field(name::ORDINAL, STORED | FAST),
        title: b.add_text_field(name::TITLE, STORED),
        date: b.add_text_field(name::DATE, STORED),
        date_num: b.add_u64_field(name::DATE_NUM, date_options),
        text: b.add_text_field(name::TEXT, analysed(tokenizer::TEXT, true)),
        name_exact: b.add_text_field(name::NAME_EXACT, analysed(tokenizer::NAME_EXACT, false)),
        name_folded: b.add_text_field(name::NAME_FOLDED, analysed(tokenizer::NAME_FOLDED, false)),
        name_translit: b.add_text_field(
            name::NAME_TRANSLIT,
            analysed(tokenizer::NAME_TRANSLIT, false),
        ),
        name_related: b
            .add_text_field(name::NAME_RELATED, analysed(tokenizer::NAME_RELATED, false)),
        // Entity fields are bags of keys, matched term by term (`person:Zhumagulov`)
        // and never as phrases: their positions would cost indexing time and disk
        // for nothing.
        person: b.add_text_field(name::PERSON, entity_field()),
        org: b.add_text_field(name::ORG, entity_field()),
        place: b.add_text_field(name::PLACE, entity_field()),
        law: b.add_text_field(name::LAW, entity_field()),
        facets: b.add_facet_field(name::FACETS, tantivy::schema::FacetOptions::default()),
        entities: b.add_text_field(name::ENTITIES, STORED),
    };
    (b.build(), fields)
}

/// `2021-02-11` → `20210211`; `2021-02` → `20210200`; `2021` → `20210000`.
/// `None` for anything that is not such a date.
pub(crate) fn date_number(date: &str) -> Option<u64> {
    let mut parts = date.trim().split('-');
    let year: u64 = parse_digits(parts.next()?, 4)?;
    let month = match parts.next() {
        Some(m) => parse_digits(m, 2).filter(|m| (1..=12).contains(m))?,
        None => 0,
    };
    let day = match parts.next() {
        Some(d) if month > 0 => parse_digits(d, 2).filter(|d| (1..=31).contains(d))?,
        Some(_) => return None,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    Some(year * 10_000 + month * 100 + day)
}

/// The last day-number a partial date covers: `2021` → `20219999`, `2021-02` → `20210299`.
pub(crate) fn date_number_upper(date: &str) -> Option<u64> {
    let n = date_number(date)?;
    Some(if n % 10_000 == 0 {
        n + 9_999
    } else if n % 100 == 0 {
        n + 99
    } else {
        n
    })
}

fn parse_digits(s: &str, len: usize) -> Option<u64> {
    if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_sortable_numbers() {
        assert_eq!(date_number("2021-02-11"), Some(20210211));
        assert_eq!(date_number("2021-02"), Some(20210200));
        assert_eq!(date_number("2021"), Some(20210000));
        assert_eq!(date_number_upper("2021"), Some(20219999));
        assert_eq!(date_number_upper("2021-02"), Some(20210299));
        assert_eq!(date_number_upper("2021-02-11"), Some(20210211));
        for bad in [
            "",
            "21",
            "2021-13",
            "2021-02-32",
            "2021-2-1",
            "x021",
            "2021-02-11-1",
        ] {
            assert_eq!(date_number(bad), None, "{bad}");
        }
    }
}
