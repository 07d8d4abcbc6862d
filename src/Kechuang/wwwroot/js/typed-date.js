// DayPicker and MinutePicker take a typed date themselves and keep the typing from AntDesign's picker. The picker
// took a typed date only on Enter or Tab: Enter also submitted the form, whose submit could be handled before the
// day was handed on, and on Tab the picker put focus back into itself after the browser had moved it on, so the
// next key landed in the date again. Not told of the typing, the picker just closes its calendar on Enter and Tab.
export function attach(wrapper, component) {
    if (!wrapper || wrapper.dataset.kcTyped) {
        return;
    }
    wrapper.dataset.kcTyped = "1";
    wrapper.addEventListener("input", e => {
        if (e.target instanceof HTMLInputElement) {
            e.stopPropagation();
            component.invokeMethodAsync("TakeTypedAsync", e.target.value);
        }
    }, true);
    // A time typed while the page was still loading (before this script was attached) is taken as well.
    const typedEarly = wrapper.querySelector("input");
    if (typedEarly && typedEarly.value) {
        component.invokeMethodAsync("TakeTypedAsync", typedEarly.value);
    }
}
