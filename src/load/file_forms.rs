//! The values of a data file as serde and the schema see them: a number as
//! written, the forms the schema gives a `Spanned` field, and a table's
//! field names in their declared order.

use schemars::JsonSchema;
use serde::Deserialize;

/// A number as written: whole, or with decimals (for measures such as km²).
/// Deserialized by hand so that a wrong type keeps its position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    Whole(i64),
    Decimal(f64),
}

impl JsonSchema for Number {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Number".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "number", "minimum": 0})
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Number;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number")
            }
            fn visit_i64<E>(self, v: i64) -> Result<Number, E> {
                Ok(Number::Whole(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Number, E> {
                i64::try_from(v)
                    .map(Number::Whole)
                    .map_err(|_| E::custom("number too large"))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Number, E> {
                Ok(Number::Decimal(v))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// A table's fields in the order the file model declares them, as serde
/// knows them: serde is asked to read the table from a reader that only
/// takes note of the fields asked for. `import` writes a claim's plain
/// fields in this order, so a new one needs no line of its own there.
pub fn fields_of<T: serde::de::DeserializeOwned>() -> &'static [&'static str] {
    use serde::de::{self, Visitor};
    struct Probe<'n>(&'n mut &'static [&'static str]);
    impl<'de> serde::Deserializer<'de> for Probe<'_> {
        type Error = de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a table"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(de::Error::custom("fields noted"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map
            enum identifier ignored_any
        }
    }
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Probe(&mut fields));
    fields
}

/// The forms a file's text takes, for the schema only: the loader reads
/// each as a string and checks it with its own rule.
pub mod form {
    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
    use std::borrow::Cow;

    macro_rules! form {
        ($name:ident, $schema:tt) => {
            pub struct $name;
            impl JsonSchema for $name {
                fn schema_name() -> Cow<'static, str> {
                    stringify!($name).into()
                }
                fn inline_schema() -> bool {
                    true
                }
                fn json_schema(_: &mut SchemaGenerator) -> Schema {
                    json_schema!($schema)
                }
            }
        };
    }

    form!(Id, {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"});
    /// A date or a time, as the loader reads it (`model::when`).
    pub const WHEN: &str = r"^(by |~)?\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?(Z|[+-]\d{2}:\d{2})?)?)?(/\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$";

    /// What a date field's meaning ends with.
    pub const WHEN_SYNTAX: &str =
        "YYYY, YYYY-MM, YYYY-MM-DD, a day in a zone YYYY-MM-DD±HH:MM, YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM], a span A/B, `by DATE`, or `~YYYY-MM-DDTHH:MM` around a time (±30 minutes)";

    form!(When, {"type": "string", "pattern": WHEN});
    form!(At, {"anyOf": [
        {"type": "string", "pattern": WHEN},
        {"type": "string", "pattern": r"^\d{2}:\d{2}$"}
    ]});
    form!(Words, {"type": "string", "minLength": 1});
    form!(Offset, {"type": "string", "pattern": r"^(Z|[+-]\d{2}:\d{2})$"});
    form!(Count, {"type": "integer", "minimum": 0});
}
