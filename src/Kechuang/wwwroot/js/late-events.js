// AntDesign Blazor 1.6.2 hands DOM events, resize and mutation observations to .NET by calling "Invoke" on a
// DotNetObjectReference without waiting for the answer, some of them from a setTimeout. An event that fires after
// the component is disposed (the page navigated away, a dropdown closed) reaches a released reference: the call
// fails and, since nobody holds the promise, the page reports an uncaught error although nothing is lost. Those
// late calls are noted as warnings; whoever awaits the promise still sees the failure.
(function () {
    const dotNetObject = window.DotNet && window.DotNet.DotNetObject;
    if (!dotNetObject) {
        return;
    }
    const invoke = dotNetObject.prototype.invokeMethodAsync;
    dotNetObject.prototype.invokeMethodAsync = function (method, ...args) {
        const answer = invoke.call(this, method, ...args);
        if (method === "Invoke" && answer && typeof answer.catch === "function") {
            answer.catch(e => console.warn("late component event not delivered:", e && e.message ? e.message : e));
        }
        return answer;
    };
})();
