//! A photo question: a file input limited to the types the field accepts, which also takes a
//! photo dropped on it. The chosen photo is described (type and size) so the shared rules
//! check it before anything is uploaded, and drawn as a preview. The preview is painted on a
//! canvas from the decoded file, which needs no `blob:` or `data:` image source under the
//! page's Content-Security-Policy.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{CanvasRenderingContext2d, DragEvent, File, HtmlInputElement, ImageBitmap};

use super::answers::FormAnswers;
use super::field::Question;
use crate::i18n::use_catalog;

/// The longer side of the preview, in CSS pixels.
const PREVIEW_SIDE: f64 = 320.0;

/// The preview's size for a photo of `width` × `height`: the longer side [`PREVIEW_SIDE`] at
/// most, never enlarged, proportions kept.
pub fn preview_size(width: u32, height: u32) -> (u32, u32) {
    let longer = f64::from(width.max(height).max(1));
    let scale = (PREVIEW_SIDE / longer).min(1.0);
    let side = |n: u32| ((f64::from(n) * scale).round() as u32).max(1);
    (side(width), side(height))
}

/// Draws `file` on `canvas` once decoded, if it is `still_chosen` then, answering whether it
/// was drawn.
async fn draw_preview(
    file: File,
    canvas: web_sys::HtmlCanvasElement,
    still_chosen: impl Fn() -> bool,
) -> bool {
    let Ok(decoding) = window().create_image_bitmap_with_blob(&file) else {
        return false;
    };
    let Ok(bitmap) = JsFuture::from(decoding).await else {
        return false;
    };
    let bitmap: ImageBitmap = bitmap.unchecked_into();
    if !still_chosen() {
        bitmap.close();
        return false;
    }
    let (width, height) = preview_size(bitmap.width(), bitmap.height());
    canvas.set_width(width);
    canvas.set_height(height);
    let context = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|context| context.dyn_into::<CanvasRenderingContext2d>().ok());
    let drawn = context.is_some_and(|context| {
        context
            .draw_image_with_image_bitmap_and_dw_and_dh(
                &bitmap,
                0.0,
                0.0,
                f64::from(width),
                f64::from(height),
            )
            .is_ok()
    });
    bitmap.close();
    drawn
}

/// A photo picker.
#[component]
pub fn Photo(
    /// The question.
    question: Question,
    /// The media types the input offers, comma-separated.
    accept: String,
    /// The form's answers.
    answers: FormAnswers,
) -> impl IntoView {
    let t = use_catalog();
    let Question {
        field,
        id,
        invalid,
        described_by,
        on_leave,
    } = question;
    let input = NodeRef::<html::Input>::new();
    let canvas = NodeRef::<html::Canvas>::new();
    let previewed = RwSignal::new(false);
    let over = RwSignal::new(false);
    // Counts the files chosen: a slow decode of an earlier one must not show over a later.
    let chosen = StoredValue::new(0_u32);
    let name = field.name.clone();
    let choose = move |file: Option<File>| {
        previewed.set(false);
        chosen.update_value(|n| *n += 1);
        let this = chosen.get_value();
        answers.choose_photo(&name, file.clone());
        on_leave.run(());
        if let (Some(file), Some(canvas)) = (file, canvas.get_untracked()) {
            spawn_local(async move {
                let still_chosen = move || chosen.try_get_value() == Some(this);
                if draw_preview(file, canvas, still_chosen).await {
                    previewed.try_set(true);
                }
            });
        }
    };
    let on_change = {
        let choose = choose.clone();
        move |_| choose(input.get_untracked().and_then(|input| first_file(&input)))
    };
    let on_drop = move |event: DragEvent| {
        event.prevent_default();
        over.set(false);
        let files = event.data_transfer().and_then(|data| data.files());
        let Some(files) = files.filter(|files| files.length() > 0) else {
            return;
        };
        // The input shows the dropped photo as if it had been chosen.
        if let Some(input) = input.get_untracked() {
            input.set_files(Some(&files));
        }
        choose(files.get(0));
    };
    let on_dragover = move |event: DragEvent| {
        event.prevent_default();
        over.set(true);
    };
    view! {
        <div
            class="photo-picker"
            class:photo-picker--over=move || over.get()
            on:dragover=on_dragover
            on:dragleave=move |_| over.set(false)
            on:drop=on_drop
        >
            <input
                id=id
                name=field.name.clone()
                type="file"
                class="field__input field__input--file"
                part="field"
                accept=accept
                required=field.required
                aria-invalid=move || invalid.get().then_some("true")
                aria-describedby=described_by
                node_ref=input
                on:change=on_change
            />
            <p class="photo-picker__drop" aria-hidden="true">{t.drop_photo()}</p>
            <canvas
                class="photo-picker__preview"
                role="img"
                aria-label=t.photo_preview()
                data-testid="photo-preview"
                hidden=move || !previewed.get()
                node_ref=canvas
            ></canvas>
        </div>
    }
}

/// The file chosen in `input`, if any.
fn first_file(input: &HtmlInputElement) -> Option<File> {
    input.files().and_then(|files| files.get(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previews_shrink_to_fit_and_keep_proportions() {
        assert_eq!(preview_size(1200, 800), (320, 213));
        assert_eq!(preview_size(800, 1200), (213, 320));
        assert_eq!(preview_size(100, 50), (100, 50));
        assert_eq!(preview_size(0, 0), (1, 1));
    }
}
