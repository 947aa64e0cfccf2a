//! Windowing: a feed of thousands of posts keeps in the page only the posts near the
//! viewport, a few screens' worth, however far the visitor scrolls. An empty item at the
//! list's start and an empty block after it stand in for the others at their full height (see
//! [`plan`]), so the page keeps its length, the scrollbar its meaning, and nothing in view
//! moves as posts come and go: not the posts, and not the list, which would count as a layout
//! shift if its start moved.
//!
//! A grid or list post's height is measured once rendered (a `ResizeObserver` reports it);
//! posts not rendered yet are estimated from those that were. A masonry post's cell follows
//! from its photo's proportions alone, so masonry posts are placed by the plan. Sizes and
//! places go into a stylesheet of the feed's own: no inline styles under a strict policy.
//! The carousel scrolls sideways and is not windowed: it shows up to [`MAX_RENDERED`] posts,
//! and offers no more after those.

mod geometry;
mod plan;

use std::fmt::Write;
use std::ops::Range;
use std::time::Duration;

use kindred_api::Post;
use leptos::html::{Li, Ul};
use leptos::leptos_dom::helpers::set_timeout;
use leptos::prelude::*;
use leptos::task::{spawn_local, tick};
use rustc_hash::FxHashMap;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};

use self::geometry::Geometry;
use self::plan::{Plan, Span};
use super::masonry::masonry_span;
use crate::config::FeedLayout;
use crate::shadow::OwnSheet;
use crate::ui::unique_id;

/// The most posts rendered at once.
pub const MAX_RENDERED: usize = 180;

/// How far beyond each edge of the viewport posts are rendered, in viewport heights.
const REACH: f64 = 1.5;

/// How near an edge of the rendered stretch the viewport may come before it moves, in
/// viewport heights: it moves by half a screen at a time, so each move renders few posts.
const KEEP: f64 = 1.0;

/// The most posts a move of the window renders in one frame: a longer move goes on over the
/// next frames, the posts already rendered beyond the viewport covering the scroll meanwhile.
const MOST_NEW: usize = 8;

/// What the window knows of the layout.
struct State {
    geometry: Option<Geometry>,
    /// Rendered posts' heights by post id, at `geometry`'s column width.
    heights: FxHashMap<String, f64>,
    plan: Option<Plan>,
    /// How tall `plan` took the posts not measured yet to be (grid and list).
    estimate: Option<Estimate>,
    sheet: Option<OwnSheet>,
    /// The rules last written to `sheet`.
    written: String,
    /// Whether the rendered stretch is held where [`Window::reveal`] put it.
    pinned: bool,
    /// Whether the plan is to be made again at the next frame.
    due: bool,
    /// Whether the window is to settle in a task of its own, after the scroll events so far.
    soon: bool,
    /// Counts the window's moves, so that posts still coming in for one move stop
    /// once another begins.
    moves: u32,
}

/// The stretch of a feed's posts in the page, and what keeps it there.
#[derive(Clone, Copy)]
pub struct Window {
    items: RwSignal<Vec<Post>>,
    layout: FeedLayout,
    range: RwSignal<Range<usize>>,
    state: StoredValue<State, LocalStorage>,
    list: NodeRef<Ul>,
    scope: StoredValue<String>,
    observer: StoredValue<Option<ResizeObserver>, LocalStorage>,
}

impl Window {
    /// A window on `items` laid out as `layout`.
    pub fn new(items: RwSignal<Vec<Post>>, layout: FeedLayout) -> Self {
        let window = Self {
            items,
            layout,
            range: RwSignal::new(0..MAX_RENDERED),
            state: StoredValue::new_local(State {
                geometry: None,
                heights: FxHashMap::default(),
                plan: None,
                estimate: None,
                sheet: None,
                written: String::new(),
                pinned: false,
                due: false,
                soon: false,
                moves: 0,
            }),
            list: NodeRef::new(),
            scope: StoredValue::new(unique_id("window")),
            observer: StoredValue::new_local(None),
        };
        if layout != FeedLayout::Carousel {
            window.follow();
        }
        window
    }

    /// The list the posts are rendered in.
    pub fn list(self) -> NodeRef<Ul> {
        self.list
    }

    /// The value of the `data-window` attribute that scopes the window's rules.
    pub fn scope(self) -> String {
        self.scope.get_value()
    }

    /// Whether the feed holds as many posts as it shows at most (tracked): only a carousel,
    /// which is not windowed, ever does.
    pub fn full(self) -> bool {
        self.layout == FeedLayout::Carousel && self.items.with(Vec::len) >= MAX_RENDERED
    }

    /// The posts to render (tracked).
    pub fn visible(self) -> Vec<Post> {
        if self.layout == FeedLayout::Carousel {
            return self
                .items
                .with(|items| items[..items.len().min(MAX_RENDERED)].to_vec());
        }
        let range = self.range.get();
        self.items.with(|items| {
            let end = range.end.min(items.len());
            items[range.start.min(end)..end].to_vec()
        })
    }

    /// Has the height of the rendered post in `item` measured while it is in the page.
    pub fn measure(self, item: NodeRef<Li>) {
        if !matches!(self.layout, FeedLayout::Grid | FeedLayout::List) {
            return;
        }
        Effect::new(move || {
            if let Some(item) = item.get() {
                self.observer.with_value(|observer| {
                    if let Some(observer) = observer {
                        observer.observe(&item);
                    }
                });
            }
        });
        // A post leaving the page would be reported as of no height.
        on_cleanup(move || {
            let (Some(item), Some(Some(observer))) = (
                item.get_untracked(),
                self.observer.try_with_value(Option::clone),
            ) else {
                return;
            };
            observer.unobserve(&item);
        });
    }

    /// Brings post `id` into the page, if it is loaded, then calls `then` (which moves focus
    /// to it, so the browser scrolls it into view).
    pub fn reveal(self, id: &str, then: impl FnOnce() + 'static) {
        let index = self
            .items
            .with_untracked(|items| items.iter().position(|post| post.id.0 == id));
        let Some(index) = index else {
            return then();
        };
        if self.range.get_untracked().contains(&index) || self.layout == FeedLayout::Carousel {
            return then();
        }
        let around = self.state.with_value(|state| {
            let plan = state.plan.as_ref()?;
            let top = plan.extent(index)?.top;
            let height = viewport_height();
            Some(plan.window(Span { top, bottom: top }.grown(height), MAX_RENDERED))
        });
        let around = around.unwrap_or(index..index + 1);
        self.state.update_value(|state| state.pinned = true);
        self.show(around);
        request_animation_frame(move || {
            then();
            // The feed may be gone by then.
            if self
                .state
                .try_update_value(|state| state.pinned = false)
                .is_some()
            {
                self.settle();
            }
        });
    }

    /// Keeps the window on the viewport as the visitor scrolls, the list resizes and posts
    /// arrive or go, until the current owner is disposed.
    fn follow(self) {
        let observer = ResizeObserver::new(
            Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                self.measured(entries)
            })
            .into_js_value()
            .unchecked_ref(),
        )
        .ok();
        self.observer.set_value(observer);
        // The list itself is watched for its width.
        Effect::new(move || {
            if let Some(list) = self.list.get() {
                self.state.update_value(|state| {
                    state.sheet = state.sheet.take().or_else(|| OwnSheet::adopt(&list));
                });
                self.observer.with_value(|observer| {
                    if let Some(observer) = observer {
                        observer.observe(&list);
                    }
                });
                self.regeometry(&list);
                self.replan();
            }
        });
        Effect::new(move || {
            self.items.track();
            self.replan();
        });
        let on_scroll = Closure::<dyn Fn()>::new(move || self.settle_soon()).into_js_value();
        if let Some(window) = web_sys::window() {
            // Capturing, so that a scrolling box around the widget is heard as well as the page.
            _ = window.add_event_listener_with_callback_and_bool(
                "scroll",
                on_scroll.unchecked_ref(),
                true,
            );
            _ = window.add_event_listener_with_callback("resize", on_scroll.unchecked_ref());
        }
        let held = send_wrapper::SendWrapper::new(on_scroll);
        on_cleanup(move || {
            if let Some(window) = web_sys::window() {
                _ = window.remove_event_listener_with_callback_and_bool(
                    "scroll",
                    held.unchecked_ref(),
                    true,
                );
                _ = window.remove_event_listener_with_callback("resize", held.unchecked_ref());
            }
            self.observer.try_with_value(|observer| {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
            });
            self.state.try_update_value(|state| state.sheet = None);
        });
    }

    /// Takes in what the `ResizeObserver` reports: the list's width, or posts' heights. A
    /// post as tall as the plan took it to be changes nothing (in a grid, where a post is as
    /// tall as its square photo, none does); otherwise the plan is made again at the next
    /// frame: changing the page now, while the browser reports sizes, would have it measure
    /// again. Rendered posts' heights only count for the space after them, so that frame shows
    /// nothing out of place.
    fn measured(self, entries: js_sys::Array) {
        let mut changed = false;
        for entry in entries.iter() {
            let Ok(entry) = entry.dyn_into::<ResizeObserverEntry>() else {
                continue;
            };
            let target = entry.target();
            if !target.is_connected() {
                continue;
            }
            if target.tag_name().eq_ignore_ascii_case("ul") {
                changed |= self.regeometry(&target);
                continue;
            }
            let Some(id) = target
                .first_element_child()
                .and_then(|post| post.get_attribute("data-post-id"))
            else {
                continue;
            };
            let height = target.get_bounding_client_rect().height();
            let planned = self.planned_height(&id);
            changed |= self.state.try_update_value(|state| {
                let known = state.heights.insert(id, height);
                known
                    .or(planned)
                    .is_none_or(|before| (before - height).abs() > 0.01)
            }) == Some(true);
        }
        let due = changed
            && self
                .state
                .try_update_value(|state| !std::mem::replace(&mut state.due, true))
                == Some(true);
        if due {
            request_animation_frame(move || {
                if self
                    .state
                    .try_update_value(|state| state.due = false)
                    .is_some()
                {
                    self.replan();
                }
            });
        }
    }

    /// How tall the plan takes rendered post `id` to be, measured or not.
    fn planned_height(self, id: &str) -> Option<f64> {
        let range = self.range.get_untracked();
        self.items.with_untracked(|items| {
            let rendered = &items[range.start.min(items.len())..range.end.min(items.len())];
            let post = rendered.iter().find(|post| post.id.0 == id)?;
            self.state
                .try_with_value(|state| Some(state.estimate?.height(post, &state.heights)))
                .flatten()
        })
    }

    /// Reads the list's grid again, answering whether it changed; a change of column width
    /// forgets the heights measured.
    fn regeometry(self, list: &Element) -> bool {
        let masonry = self.layout == FeedLayout::Masonry;
        let Some(geometry) = Geometry::of(list, masonry) else {
            return false;
        };
        let changed = self.state.try_update_value(|state| {
            let before = state.geometry.replace(geometry);
            if before.is_some_and(|before| before.column_width != geometry.column_width) {
                state.heights.clear();
            }
            before != Some(geometry)
        });
        changed == Some(true)
    }

    /// Lays out the posts loaded again, then settles the window.
    fn replan(self) {
        let plan = self.items.with_untracked(|items| {
            self.state.try_with_value(|state| {
                Some(plan_for(
                    items,
                    self.layout,
                    state.geometry?,
                    &state.heights,
                ))
            })
        });
        let Some((plan, estimate)) = plan.flatten() else {
            return;
        };
        self.state.update_value(|state| {
            state.plan = Some(plan);
            state.estimate = estimate;
        });
        self.settle();
    }

    /// Settles the window in a task of its own, once for all the scroll events heard before
    /// it runs. Rendering the posts that come into reach there, apart from the frame that
    /// lays them out and paints them, keeps each stretch of work on the page's main thread
    /// short; the posts rendered beyond the viewport cover the scroll in between.
    fn settle_soon(self) {
        let first = self
            .state
            .try_update_value(|state| !std::mem::replace(&mut state.soon, true));
        if first == Some(true) {
            set_timeout(
                move || {
                    if self
                        .state
                        .try_update_value(|state| state.soon = false)
                        .is_some()
                    {
                        self.settle();
                    }
                },
                Duration::ZERO,
            );
        }
    }

    /// Moves the window where the viewport needs it, if it is not there already.
    fn settle(self) {
        let Some(Some(next)) = self.state.try_with_value(|state| {
            if state.pinned {
                return None;
            }
            let plan = state.plan.as_ref()?;
            let view = self.view()?;
            let height = viewport_height();
            let current = self.range.get_untracked();
            let needed = plan.window(view.grown(height * KEEP), MAX_RENDERED);
            let covered = current.start <= needed.start
                && needed.end <= current.end
                && current.end <= plan.len();
            if covered {
                return Some((current.clone(), false));
            }
            let target = plan.window(view.grown(height * REACH), MAX_RENDERED);
            let visible = plan.window(view, MAX_RENDERED);
            let next = plan.step(&current, &target, &visible, MOST_NEW);
            Some((next.clone(), next != target))
        }) else {
            return;
        };
        let (next, partial) = next;
        self.show(next);
        if partial {
            // The rest once this frame has laid out and painted what came now.
            request_animation_frame(move || self.settle_soon());
        }
    }

    /// Renders the posts of `range`, with the space before and after them sized to match.
    fn show(self, range: Range<usize>) {
        let scope = self.scope.get_value();
        self.state.update_value(|state| {
            let Some(plan) = &state.plan else {
                return;
            };
            let gap = state.geometry.map_or(0.0, |geometry| geometry.row_gap);
            let css = rules(&scope, plan, &range, gap);
            if css != state.written {
                if let Some(sheet) = &state.sheet {
                    sheet.set(&css);
                }
                state.written = css;
            }
        });
        let Some(moves) = self.state.try_update_value(|state| {
            state.moves = state.moves.wrapping_add(1);
            state.moves
        }) else {
            return;
        };
        let current = self.range.get_untracked();
        let kept = range.start.max(current.start)..range.end.min(current.end);
        if kept.is_empty() {
            self.range.set(range);
        } else if current != range {
            self.arrive(kept, range, moves);
        }
    }

    /// Moves the rendered stretch to `range` by way of `kept`, the posts it shares with the
    /// stretch rendered now: first the others go, then the posts after `kept` come in, then
    /// those before it one at a time, each above the last, all before the page is next drawn.
    /// Given posts to add before or among those it shows, the keyed list would also take some
    /// of the posts it shows out of the page and put them back, for the browser to lay out
    /// again; given removals, then posts at the end, then one post at a time at the start,
    /// it only removes and adds.
    fn arrive(self, kept: Range<usize>, range: Range<usize>, moves: u32) {
        if self.range.get_untracked() != kept {
            self.range.set(kept.clone());
        }
        spawn_local(async move {
            let steps = std::iter::once(kept.start..range.end).chain(
                (range.start..kept.start)
                    .rev()
                    .map(|first| first..range.end),
            );
            for step in steps {
                if self.range.get_untracked() == step {
                    continue;
                }
                // The list takes in each step before the next.
                tick().await;
                let current = self.state.try_with_value(|state| state.moves == moves);
                if current != Some(true) {
                    return;
                }
                self.range.set(step);
            }
        });
    }

    /// The part of the list in the viewport, in pixels from the list's top.
    fn view(self) -> Option<Span> {
        let top = self.list.get_untracked()?.get_bounding_client_rect().top();
        Some(Span {
            top: -top,
            bottom: viewport_height() - top,
        })
    }
}

/// How tall a grid or list post is taken to be before it is measured: its photo (square in a
/// grid) and, below it, words as tall as those of the posts measured, on average.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Estimate {
    layout: FeedLayout,
    geometry: Geometry,
    /// The height of the words under a measured post's photo, on average.
    words: f64,
}

impl Estimate {
    /// The estimate for `items` in `layout` and `geometry`, from the heights of those
    /// `measured` (in the same order).
    fn of(
        items: &[Post],
        measured: &[Option<f64>],
        layout: FeedLayout,
        geometry: Geometry,
    ) -> Self {
        let mut estimate = Self {
            layout,
            geometry,
            words: 0.0,
        };
        let (sum, count) = items
            .iter()
            .zip(measured)
            .filter_map(|(post, height)| Some((*height)? - estimate.photo(post)))
            .fold((0.0, 0u32), |(sum, count), words| (sum + words, count + 1));
        if count > 0 {
            estimate.words = sum / f64::from(count);
        }
        estimate
    }

    /// How tall `post`'s photo shows.
    fn photo(&self, post: &Post) -> f64 {
        let width = self.geometry.column_width;
        match self.layout {
            FeedLayout::List if post.image.width > 0 => {
                width * f64::from(post.image.height) / f64::from(post.image.width)
            }
            _ => width,
        }
    }

    /// How tall `post` is taken to be until it is measured.
    fn unmeasured(&self, post: &Post) -> f64 {
        self.photo(post) + self.words
    }

    /// How tall `post` is: as measured, else as estimated.
    fn height(&self, post: &Post, heights: &FxHashMap<String, f64>) -> f64 {
        heights
            .get(&post.id.0)
            .copied()
            .unwrap_or_else(|| self.unmeasured(post))
    }
}

/// The plan of `items` laid out as `layout` in `geometry`, with the heights measured so far,
/// and for grids and lists the estimate it took for the posts not measured yet.
fn plan_for(
    items: &[Post],
    layout: FeedLayout,
    geometry: Geometry,
    heights: &FxHashMap<String, f64>,
) -> (Plan, Option<Estimate>) {
    if layout == FeedLayout::Masonry {
        let spans: Vec<u32> = items
            .iter()
            .map(|post| masonry_span(post.image.width, post.image.height))
            .collect();
        return (Plan::masonry(&spans, geometry.columns, geometry.unit), None);
    }
    // One look-up a post: the plan is made again for every page that arrives.
    let measured: Vec<Option<f64>> = items
        .iter()
        .map(|post| heights.get(&post.id.0).copied())
        .collect();
    let estimate = Estimate::of(items, &measured, layout, geometry);
    let heights: Vec<f64> = items
        .iter()
        .zip(measured)
        .map(|(post, height)| height.unwrap_or_else(|| estimate.unmeasured(post)))
        .collect();
    let plan = Plan::rows(&heights, geometry.columns, geometry.row_gap);
    (plan, Some(estimate))
}

/// The window's rules: the heights of the spacer before the posts of `range` (in the list,
/// so that the list itself never moves) and of the space after them, and in masonry each
/// rendered post's cell. Rows are `gap` apart.
fn rules(scope: &str, plan: &Plan, range: &Range<usize>, gap: f64) -> String {
    let (before, after) = plan.edges(range);
    let scope = format!("[data-window=\"{scope}\"]");
    let list = format!("{scope}>.feed__posts");
    let mut css = format!("{scope}>.feed__after{{height:{after}px}}");
    let placements = plan.placements(range);
    if placements.is_empty() {
        if before > 0.0 {
            let height = (before - gap).max(0.0);
            _ = write!(
                css,
                "{list}>.feed__spacer{{display:block;height:{height}px}}"
            );
        }
        return css;
    }
    // Masonry: the spacer is the grid's first row, the posts' rows follow.
    let first = if before > 0.0 {
        _ = write!(
            css,
            "{list}{{grid-template-rows:{before}px}}{list}>.feed__spacer{{display:block;grid-row:1}}"
        );
        2
    } else {
        1
    };
    // Each rule ends in the posts' class: when the window moves and these rules are written
    // anew, the browser styles the posts again, not every element in the widget, as it would
    // for a rule that could match any element.
    for (nth, (row, column, span)) in placements.into_iter().enumerate() {
        _ = write!(
            css,
            "{list}>.feed__item:nth-child({}){{grid-row:{}/span {span};grid-column:{column}}}",
            nth + 2,
            row + first - 1
        );
    }
    css
}

/// The height of the browser's viewport.
fn viewport_height() -> f64 {
    web_sys::window()
        .and_then(|window| window.inner_height().ok())
        .and_then(|height| height.as_f64())
        .unwrap_or(800.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masonry_rules_place_the_rendered_posts_below_a_spacer_row() {
        // Two columns, rows of 10 px (see `plan`): posts 2 and 3 rendered, 100 px of the grid
        // above them and 300 below.
        let plan = Plan::masonry(&[40, 10, 10, 10, 10, 20], 2, 10.0);
        let css = rules("w", &plan, &(2..4), 0.0);
        let list = "[data-window=\"w\"]>.feed__posts";
        assert_eq!(
            css,
            format!(
                "[data-window=\"w\"]>.feed__after{{height:300px}}\
                 {list}{{grid-template-rows:100px}}{list}>.feed__spacer{{display:block;grid-row:1}}\
                 {list}>.feed__item:nth-child(2){{grid-row:2/span 10;grid-column:2}}\
                 {list}>.feed__item:nth-child(3){{grid-row:12/span 10;grid-column:2}}"
            )
        );
    }

    #[test]
    fn row_rules_size_the_spacer_and_the_space_after() {
        // Rows of three, each 100 tall with 10 between: rows 2–4 rendered.
        let plan = Plan::rows(&[100.0; 30], 3, 10.0);
        let css = rules("w", &plan, &(6..15), 10.0);
        assert_eq!(
            css,
            "[data-window=\"w\"]>.feed__after{height:550px}\
             [data-window=\"w\"]>.feed__posts>.feed__spacer{display:block;height:210px}"
        );
    }
}
