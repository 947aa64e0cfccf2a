//! The one place that runs SQL: a connection to either database, the values bound to a
//! statement, and the rows read back.
//!
//! Everything else in the store is written once against [`Conn`] and takes each statement's
//! text for the connection's dialect through [`sql!`], so the Rust around the SQL (binding,
//! decoding, transactions) cannot drift between SQLite and PostgreSQL; only the text differs.

use std::ops::DerefMut;

use sqlx::pool::PoolConnection;
use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::{
    Arguments, Connection, Database, Encode, FromRow, PgConnection, Postgres, Sqlite,
    SqliteConnection, Transaction, Type,
};

use crate::error::{Error, Result};

/// The SQL dialects the store speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// SQLite, the default: one file in the data directory.
    Sqlite,
    /// PostgreSQL, for several server replicas sharing one database.
    Postgres,
}

/// A statement (or a dialect's pieces of one) for the dialect of `$on`, anything with a
/// `dialect()` method.
///
/// `sql!(conn, sites::INSERT)` is `store::sqlite::sites::INSERT` on SQLite and
/// `store::postgres::sites::INSERT` on PostgreSQL. A statement that one dialect lacks does not
/// compile.
macro_rules! sql {
    ($on:expr, $($statement:tt)+) => {
        match $on.dialect() {
            $crate::store::conn::Dialect::Sqlite => $crate::store::sqlite::$($statement)+,
            $crate::store::conn::Dialect::Postgres => $crate::store::postgres::$($statement)+,
        }
    };
}
pub(crate) use sql;

/// A value bound to a statement parameter. Integers, text and flags are all the store binds.
#[derive(Clone, Copy, Debug)]
pub enum Arg<'a> {
    /// A 64-bit integer, or NULL.
    Int(Option<i64>),
    /// Text, or NULL.
    Text(Option<&'a str>),
    /// A flag.
    Bool(bool),
}

impl From<i64> for Arg<'_> {
    fn from(value: i64) -> Self {
        Self::Int(Some(value))
    }
}

impl From<Option<i64>> for Arg<'_> {
    fn from(value: Option<i64>) -> Self {
        Self::Int(value)
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(value: &'a str) -> Self {
        Self::Text(Some(value))
    }
}

impl<'a> From<Option<&'a str>> for Arg<'a> {
    fn from(value: Option<&'a str>) -> Self {
        Self::Text(value)
    }
}

impl From<bool> for Arg<'_> {
    fn from(value: bool) -> Self {
        Self::Bool(value)
    }
}

/// A row type both drivers can decode; `#[derive(sqlx::FromRow)]` and tuples qualify.
pub trait Record:
    for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{
}

impl<T> Record for T where
    T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{
}

/// Binds `args` in order, as a driver's argument list.
fn arguments<'q, DB: Database>(args: &[Arg<'q>]) -> Result<DB::Arguments<'q>>
where
    Option<i64>: Encode<'q, DB> + Type<DB>,
    Option<&'q str>: Encode<'q, DB> + Type<DB>,
    bool: Encode<'q, DB> + Type<DB>,
{
    let mut bound = DB::Arguments::default();
    for arg in args {
        match *arg {
            Arg::Int(value) => bound.add(value),
            Arg::Text(value) => bound.add(value),
            Arg::Bool(value) => bound.add(value),
        }
        .map_err(|error| Error::Internal(format!("cannot bind a parameter: {error}")))?;
    }
    Ok(bound)
}

/// A borrowed connection to either database, on which the store runs its statements.
#[derive(Debug)]
pub enum Conn<'c> {
    /// A SQLite connection.
    Sqlite(&'c mut SqliteConnection),
    /// A PostgreSQL connection.
    Postgres(&'c mut PgConnection),
}

impl Conn<'_> {
    /// The dialect statements on this connection must be written in.
    pub fn dialect(&self) -> Dialect {
        match self {
            Self::Sqlite(_) => Dialect::Sqlite,
            Self::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Runs `sql` with `args` and decodes every row it answers.
    pub async fn fetch_all<'q, O: Record>(
        &mut self,
        sql: &'q str,
        args: &[Arg<'q>],
    ) -> Result<Vec<O>> {
        Ok(match self {
            Self::Sqlite(conn) => {
                sqlx::query_as_with(sql, arguments::<Sqlite>(args)?)
                    .fetch_all(&mut **conn)
                    .await?
            }
            Self::Postgres(conn) => {
                sqlx::query_as_with(sql, arguments::<Postgres>(args)?)
                    .fetch_all(&mut **conn)
                    .await?
            }
        })
    }

    /// The first row `sql` answers, if any. For statements that answer at most one row.
    pub async fn fetch_optional<'q, O: Record>(
        &mut self,
        sql: &'q str,
        args: &[Arg<'q>],
    ) -> Result<Option<O>> {
        Ok(self.fetch_all(sql, args).await?.into_iter().next())
    }

    /// The row `sql` answers; none is an error.
    pub async fn fetch_one<'q, O: Record>(&mut self, sql: &'q str, args: &[Arg<'q>]) -> Result<O> {
        self.fetch_optional(sql, args)
            .await?
            .ok_or(Error::Database(sqlx::Error::RowNotFound))
    }

    /// Runs an `INSERT … RETURNING id`, answering the new row's id.
    pub async fn insert<'q>(&mut self, sql: &'q str, args: &[Arg<'q>]) -> Result<i64> {
        let (id,): (i64,) = self.fetch_one(sql, args).await?;
        Ok(id)
    }

    /// Runs `sql` with `args`, answering how many rows it changed.
    pub async fn execute<'q>(&mut self, sql: &'q str, args: &[Arg<'q>]) -> Result<u64> {
        Ok(match self {
            Self::Sqlite(conn) => {
                let query = sqlx::query_with(sql, arguments::<Sqlite>(args)?);
                query.execute(&mut **conn).await?.rows_affected()
            }
            Self::Postgres(conn) => {
                let query = sqlx::query_with(sql, arguments::<Postgres>(args)?);
                query.execute(&mut **conn).await?.rows_affected()
            }
        })
    }

    /// Checks that the database answers.
    pub async fn ping(&mut self) -> Result<()> {
        match self {
            Self::Sqlite(conn) => conn.ping().await?,
            Self::Postgres(conn) => conn.ping().await?,
        }
        Ok(())
    }
}

/// A connection held for a unit of work: straight from the pool ([`Pooled`]) or inside a
/// transaction ([`Tx`]).
#[derive(Debug)]
pub enum Held<S, P> {
    /// Held on a SQLite pool.
    Sqlite(S),
    /// Held on a PostgreSQL pool.
    Postgres(P),
}

/// A pooled connection, for statements that need no transaction.
pub type Pooled = Held<PoolConnection<Sqlite>, PoolConnection<Postgres>>;

/// A transaction; dropping it without [`Tx::commit`] rolls it back.
pub type Tx = Held<Transaction<'static, Sqlite>, Transaction<'static, Postgres>>;

impl<S, P> Held<S, P>
where
    S: DerefMut<Target = SqliteConnection>,
    P: DerefMut<Target = PgConnection>,
{
    /// The connection, to run statements on.
    pub fn conn(&mut self) -> Conn<'_> {
        match self {
            Self::Sqlite(conn) => Conn::Sqlite(conn),
            Self::Postgres(conn) => Conn::Postgres(conn),
        }
    }
}

impl Tx {
    /// Makes the transaction's changes permanent.
    pub async fn commit(self) -> Result<()> {
        match self {
            Self::Sqlite(tx) => tx.commit().await?,
            Self::Postgres(tx) => tx.commit().await?,
        }
        Ok(())
    }
}
