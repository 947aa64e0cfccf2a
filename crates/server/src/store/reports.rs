//! Reports: one row per (post, reporter). The schema's trigger counts them and hides a listed
//! post, pending review, when the count reaches its feed's threshold.
//!
//! A repeat by the same reporter changes nothing and answers the first report, so a reporter
//! cannot count twice; only the first report of each may reach a post that is still listed.

use kindred_api::{PostId, ReportReason, ReportReceipt};

use crate::error::{Error, Result};
use crate::store::conn::{sql, Conn};
use crate::store::Store;

/// What a report request did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reported {
    /// The report on record: the first one this reporter made.
    pub receipt: ReportReceipt,
    /// Whether this request recorded it (false: a repeat).
    pub new: bool,
}

impl Store {
    /// Records that `reporter` reports post `post_id` for `reason`, with a `note` for the
    /// moderators. A post that is not listed is [`Error::NotFound`], unless this reporter
    /// already reported it.
    pub async fn report(
        &self,
        post_id: i64,
        reporter: &str,
        reason: ReportReason,
        note: &str,
    ) -> Result<Reported> {
        let mut tx = self.begin_write().await?;
        let mut conn = tx.conn();
        let reported = match earlier(&mut conn, post_id, reporter).await? {
            Some(earlier) => earlier,
            None => {
                let args = [
                    post_id.into(),
                    reporter.into(),
                    reason.as_str().into(),
                    note.into(),
                ];
                let added: Option<(i64,)> = conn
                    .fetch_optional(sql!(conn, reports::INSERT), &args)
                    .await?;
                match added {
                    Some(_) => Reported {
                        receipt: ReportReceipt {
                            post_id: PostId::from(post_id),
                            reason,
                        },
                        new: true,
                    },
                    // A concurrent repeat by the same reporter may have got in first.
                    None => earlier(&mut conn, post_id, reporter)
                        .await?
                        .ok_or_else(|| Error::not_found("no post with this id"))?,
                }
            }
        };
        tx.commit().await?;
        Ok(reported)
    }
}

/// The report `reporter` already made of post `post_id`, as a repeat answers it.
async fn earlier(conn: &mut Conn<'_>, post_id: i64, reporter: &str) -> Result<Option<Reported>> {
    let row: Option<(String,)> = conn
        .fetch_optional(
            sql!(conn, reports::EARLIER),
            &[post_id.into(), reporter.into()],
        )
        .await?;
    row.map(|(reason,)| {
        let reason = reason
            .parse()
            .map_err(|_| Error::Internal(format!("post {post_id} has a report for {reason:?}")))?;
        Ok(Reported {
            receipt: ReportReceipt {
                post_id: PostId::from(post_id),
                reason,
            },
            new: false,
        })
    })
    .transpose()
}
