//! Decimals in SQLite: canonical TEXT, because SQLite has no exact decimal type and REAL
//! would round money.

use rust_decimal::Decimal;
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::sqlite::{SqliteTypeInfo, SqliteValueRef};
use sqlx::{Database, Decode, Encode, Sqlite, Type};

/// A decimal stored as its normalized text ("1200.50" is stored as "1200.5").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecimalText(pub Decimal);

impl DecimalText {
    /// The text written to the database.
    pub fn canonical(&self) -> String {
        self.0.normalize().to_string()
    }
}

impl Type<Sqlite> for DecimalText {
    fn type_info() -> SqliteTypeInfo {
        <String as Type<Sqlite>>::type_info()
    }

    fn compatible(ty: &SqliteTypeInfo) -> bool {
        <String as Type<Sqlite>>::compatible(ty)
    }
}

impl Encode<'_, Sqlite> for DecimalText {
    fn encode_by_ref(
        &self,
        buf: &mut <Sqlite as Database>::ArgumentBuffer,
    ) -> Result<IsNull, BoxDynError> {
        <String as Encode<'_, Sqlite>>::encode(self.canonical(), buf)
    }
}

impl<'r> Decode<'r, Sqlite> for DecimalText {
    fn decode(value: SqliteValueRef<'r>) -> Result<Self, BoxDynError> {
        let text = <&str as Decode<'r, Sqlite>>::decode(value)?;
        // from_str_exact refuses what would have to be rounded: a stored amount is never
        // silently changed on the way out.
        Decimal::from_str_exact(text)
            .map(DecimalText)
            .map_err(|e| format!("{text:?} is not a decimal: {e}").into())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use std::str::FromStr;

    use sqlx::{Connection, SqliteConnection};

    use super::*;

    async fn table() -> SqliteConnection {
        let mut conn = SqliteConnection::connect("sqlite::memory:").await.unwrap();
        sqlx::query("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT)")
            .execute(&mut conn)
            .await
            .unwrap();
        conn
    }

    #[tokio::test]
    async fn stores_the_canonical_text_and_reads_it_back() {
        let mut conn = table().await;
        let amount = Decimal::from_str("1200.50").unwrap();
        sqlx::query("INSERT INTO t (id, x) VALUES (1, ?)")
            .bind(DecimalText(amount))
            .execute(&mut conn)
            .await
            .unwrap();
        let text: String = sqlx::query_scalar("SELECT x FROM t WHERE id = 1")
            .fetch_one(&mut conn)
            .await
            .unwrap();
        assert_eq!(text, "1200.5");
        let back: DecimalText = sqlx::query_scalar("SELECT x FROM t WHERE id = 1")
            .fetch_one(&mut conn)
            .await
            .unwrap();
        assert_eq!(back.0, amount);
        assert_eq!(back.0.to_string(), "1200.5");
    }

    #[tokio::test]
    async fn keeps_every_digit_and_sign() {
        let mut conn = table().await;
        for (i, text) in [
            "-0.000000000000000000000000001",
            "79228162514264337593543950335",
            "0",
        ]
        .into_iter()
        .enumerate()
        {
            let value = Decimal::from_str(text).unwrap();
            sqlx::query("INSERT INTO t (id, x) VALUES (?, ?)")
                .bind(i as i64)
                .bind(DecimalText(value))
                .execute(&mut conn)
                .await
                .unwrap();
            let back: DecimalText = sqlx::query_scalar("SELECT x FROM t WHERE id = ?")
                .bind(i as i64)
                .fetch_one(&mut conn)
                .await
                .unwrap();
            assert_eq!(back.0, value);
            assert_eq!(back.canonical(), text);
        }
    }

    #[tokio::test]
    async fn null_reads_as_none() {
        let mut conn = table().await;
        sqlx::query("INSERT INTO t (id, x) VALUES (1, NULL)")
            .execute(&mut conn)
            .await
            .unwrap();
        let back: Option<DecimalText> = sqlx::query_scalar("SELECT x FROM t WHERE id = 1")
            .fetch_one(&mut conn)
            .await
            .unwrap();
        assert_eq!(back, None);
    }

    #[tokio::test]
    async fn bad_text_is_an_error_not_a_panic() {
        let mut conn = table().await;
        for (i, bad) in ["twelve", "", "1.2.3", "1e5"].into_iter().enumerate() {
            sqlx::query("INSERT INTO t (id, x) VALUES (?, ?)")
                .bind(i as i64)
                .bind(bad)
                .execute(&mut conn)
                .await
                .unwrap();
            let result: Result<DecimalText, _> = sqlx::query_scalar("SELECT x FROM t WHERE id = ?")
                .bind(i as i64)
                .fetch_one(&mut conn)
                .await;
            let error = result.expect_err(bad);
            assert!(
                matches!(error, sqlx::Error::ColumnDecode { .. }),
                "{bad:?}: {error}"
            );
            assert_eq!(crate::StoreError::from(error).code(), "corrupt");
        }
    }
}
