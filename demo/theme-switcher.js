// The demo page's theme switcher: the checked radio button names the brand theme, which
// demo/themes.css applies through `data-brand-theme` on <html>. A separate file, so the page
// keeps its strict Content-Security-Policy.
(() => {
  const apply = () => {
    const checked = document.querySelector('input[name="brand-theme"]:checked');
    if (checked) document.documentElement.dataset.brandTheme = checked.value;
  };
  document.addEventListener("change", (event) => {
    if (event.target.name === "brand-theme") apply();
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", apply);
  else apply();
})();
