// Keyboard use of AntDesign's select and cascader inside a form. Enter on an open list chooses (the select) but the
// browser also took it as the form's submit, so choosing an option saved a half-filled form; the key now stays with
// the list. The cascader moves through its columns with the arrow keys, choosing as it goes, but no key closed it:
// Tab left its list open over the form. Enter, Escape and Tab now close it. Its wrapper's tabindex="1" also put it
// ahead of everything else on the page in the tab order; the tab stop is its input's alone.
const openList = () => document.querySelector(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");

export function attach(id, closeOnKeys) {
    const root = document.getElementById(id);
    if (!root || root.dataset.kcKeys) {
        return;
    }
    root.dataset.kcKeys = "1";
    if (root.tabIndex > 0) {
        root.tabIndex = -1;
    }
    root.addEventListener("keydown", e => {
        if (!["Enter", "Escape", "Tab"].includes(e.key) || !openList()) {
            return;
        }
        if (e.key !== "Tab") {
            e.preventDefault();
        }
        if (closeOnKeys) {
            // A click on the cascader toggles its list: AntDesign's own way to close it.
            root.click();
        }
    });
}
