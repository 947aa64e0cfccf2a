//! What the communities come to: per site, and per board, feed or form, over a chosen
//! period, how many visitors saw a widget and how many took part, the rates between them, the
//! daily series and the funnel as charts, the ideas and photos that drew most, the ideas that
//! crossed their thresholds, and the numbers as CSV (`GET /v1/moderation/insights`).

mod chart;
mod figures;

use kindred_api::insights::{Insights, TopItem};
use kindred_api::{FormDetails, Page, SiteConfig};
use leptos::prelude::*;

use crate::api::{Api, ApiError};
use crate::download::CsvButton;
use crate::failure::LoadFailed;
use crate::session::use_session;
use crate::sites::{SiteChoice, SitePicker};
use crate::text;
use chart::{FunnelChart, SeriesChart};
use figures::Totals;

/// A place insights can narrow to: its filter (`board=<slug>`…) and its name.
type Place = (String, String);

/// The insights section.
#[component]
pub fn InsightsSection() -> impl IntoView {
    let session = use_session();
    let choice = SiteChoice::load();
    let site = choice.site;
    let place = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let places = LocalResource::new(move || {
        let site = site.get();
        async move {
            let api = session.api_untracked()?;
            (!site.is_empty()).then_some(())?;
            Some(places(&api, &site).await.unwrap_or_default())
        }
    });
    // The report's query: the site, the place if one is picked, the period if one is set.
    let query = Memo::new(move |_| {
        let mut query = format!("site={}", site.get());
        for (key, value) in [("", place.get()), ("from=", from.get()), ("to=", to.get())] {
            if !value.is_empty() {
                query.push_str(&format!("&{key}{value}"));
            }
        }
        query
    });
    let report = LocalResource::new(move || {
        let (query, site) = (query.get(), site.get());
        async move {
            let api = session.api_untracked()?;
            (!site.is_empty()).then_some(())?;
            Some(
                api.get::<Insights>(&format!("/v1/moderation/insights?{query}"))
                    .await,
            )
        }
    });
    let csv_path = Signal::derive(move || format!("/v1/moderation/insights.csv?{}", query.get()));
    let csv_name = Signal::derive(move || format!("insights-{}.csv", site.get()));
    view! {
        <section class="insights" aria-labelledby="insights-heading">
            <div class="queue__top">
                <h1 id="insights-heading">{text::INSIGHTS}</h1>
            </div>
            <form class="ideas__find" on:submit=|event| event.prevent_default()>
                <SitePicker choice testid="insights-site"
                    on_change=Callback::new(move |()| place.set(String::new()))/>
                <label class="field field--inline">
                    <span>{text::PLACE_FILTER}</span>
                    <select data-testid="insights-place" prop:value=place
                        on:change=move |event| place.set(event_target_value(&event))>
                        <option value="">{text::WHOLE_SITE}</option>
                        {move || places.get().flatten().unwrap_or_default().into_iter().map(|(filter, name)| {
                            view! { <option value=filter>{name}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label class="field field--inline">
                    <span>{text::FROM}</span>
                    <input type="date" data-testid="insights-from" prop:value=from
                        on:change=move |event| from.set(event_target_value(&event))/>
                </label>
                <label class="field field--inline">
                    <span>{text::TO}</span>
                    <input type="date" data-testid="insights-to" prop:value=to
                        on:change=move |event| to.set(event_target_value(&event))/>
                </label>
                <CsvButton path=csv_path name=csv_name label=text::EXPORT_INSIGHTS/>
            </form>
            {move || match report.get().flatten() {
                None => view! { <p class="hint" role="status">{text::LOADING}</p> }.into_any(),
                Some(Err(error)) => view! {
                    <LoadFailed message=error.message() retry=Callback::new(move |()| report.refetch())/>
                }.into_any(),
                Some(Ok(insights)) => view! { <Report insights/> }.into_any(),
            }}
        </section>
    }
}

/// One report: its period, figures, charts, tables and lists.
#[component]
fn Report(
    /// The report.
    insights: Insights,
) -> impl IntoView {
    let period = text::period(
        &insights.period.from,
        &insights.period.to,
        insights.period.days,
    );
    let daily = insights.daily.clone();
    view! {
        <p class="hint" role="status" data-testid="insights-period">{period}</p>
        <Totals totals=insights.totals/>
        <div class="settings__grid">
            <section class="panel" aria-labelledby="daily-heading">
                <h2 class="form-editor__heading" id="daily-heading">{text::DAILY}</h2>
                <SeriesChart daily=insights.daily/>
                <details>
                    <summary>{text::THE_NUMBERS}</summary>
                    <table class="numbers" data-testid="daily-table">
                        <thead><tr>
                            <th scope="col">{text::DAY}</th>
                            <th scope="col">{text::VISITORS}</th>
                            <th scope="col">{text::PARTICIPANTS}</th>
                            <th scope="col">{text::VOTES}</th>
                            <th scope="col">{text::LIKES}</th>
                            <th scope="col">{text::COMMENTS}</th>
                            <th scope="col">{text::SUBMISSIONS}</th>
                        </tr></thead>
                        <tbody>
                            {daily.into_iter().map(|day| view! {
                                <tr>
                                    <th scope="row">{day.day}</th>
                                    <td>{day.visitors}</td>
                                    <td>{day.participants}</td>
                                    <td>{day.votes}</td>
                                    <td>{day.likes}</td>
                                    <td>{day.comments}</td>
                                    <td>{day.submissions}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </details>
            </section>
            <section class="panel" aria-labelledby="funnel-heading">
                <h2 class="form-editor__heading" id="funnel-heading">{text::FUNNEL}</h2>
                <FunnelChart funnel=insights.funnel/>
                <p class="hint">{text::FUNNEL_HINT}</p>
            </section>
        </div>
        <div class="settings__grid">
            <Top heading=text::TOP_IDEAS items=insights.top_ideas testid="top-ideas" count=text::votes/>
            <Top heading=text::TOP_POSTS items=insights.top_posts testid="top-posts" count=text::likes/>
            <section class="panel" aria-labelledby="thresholds-heading">
                <h2 class="form-editor__heading" id="thresholds-heading">{text::THRESHOLDS}</h2>
                {if insights.thresholds.is_empty() {
                    view! { <p class="empty">{text::NONE_YET}</p> }.into_any()
                } else {
                    view! {
                        <ul data-testid="thresholds">
                            {insights.thresholds.into_iter().map(|crossed| view! {
                                <li>{text::crossed(&crossed.title, crossed.threshold, &crossed.at)}</li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
        </div>
    }
}

/// A list of the items that drew most, with what they drew.
#[component]
fn Top(
    /// Its heading.
    heading: &'static str,
    /// The items, most first.
    items: Vec<TopItem>,
    /// Its test id.
    testid: &'static str,
    /// How to say an item's count.
    count: fn(u32) -> String,
) -> impl IntoView {
    let id = format!("{testid}-heading");
    let labelled_by = id.clone();
    view! {
        <section class="panel" aria-labelledby=labelled_by>
            <h2 class="form-editor__heading" id=id>{heading}</h2>
            {if items.is_empty() {
                view! { <p class="empty">{text::NONE_YET}</p> }.into_any()
            } else {
                view! {
                    <ol data-testid=testid>
                        {items.into_iter().map(|item| view! {
                            <li>{format!("{} · {}", item.title, count(item.count))}</li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}

/// The boards, feeds and forms of site `slug`, as filters with names.
async fn places(api: &Api, slug: &str) -> Result<Vec<Place>, ApiError> {
    let config = api
        .get_public::<SiteConfig>(&format!("/v1/sites/{slug}"))
        .await?;
    let forms = api
        .get::<Page<FormDetails>>(&format!("/v1/moderation/sites/{slug}/forms"))
        .await?
        .items;
    let boards = config.boards.into_iter().map(|board| {
        (
            format!("board={}", board.slug),
            text::place(true, &board.name),
        )
    });
    let feeds = config.feeds.into_iter().map(|feed| {
        (
            format!("feed={}", feed.slug),
            text::place(false, &feed.name),
        )
    });
    let forms = forms.into_iter().map(|form| {
        let name = format!("{} {}", text::FORM, form.schema.title);
        (format!("form={}", form.schema.slug), name)
    });
    Ok(boards.chain(feeds).chain(forms).collect())
}
