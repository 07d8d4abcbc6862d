// Gives the input inside an AntDesign wrapper (cascader, picker) an accessible name: AntDesign puts the
// id on the wrapper and offers no aria parameter, so neither a <label for> nor a parameter can reach it.
export function name(id, label) {
    const input = document.getElementById(id)?.querySelector("input");
    if (input) {
        input.setAttribute("aria-label", label);
    }
}
