// Signs out an open page after the idle time (default 30 minutes) with no mouse, keyboard, touch or
// scroll activity, by posting the header's sign-out form (anti-forgery token included). The
// authentication cookie itself also expires after the same idle time (sliding expiration), so this
// only makes an open Blazor page, whose circuit keeps no request going, follow the same rule.
// A local file because the Content-Security-Policy forbids inline scripts.
(function () {
    "use strict";
    var minutes = parseInt(document.body.getAttribute("data-idle-minutes") || "30", 10);
    if (!(minutes > 0)) {
        return;
    }
    var limit = minutes * 60 * 1000;
    var last = Date.now();
    var done = false;

    function touch() {
        last = Date.now();
    }

    ["mousemove", "mousedown", "keydown", "wheel", "scroll", "touchstart"].forEach(function (name) {
        window.addEventListener(name, touch, { passive: true, capture: true });
    });

    function check() {
        if (done || Date.now() - last < limit) {
            return;
        }
        var form = document.getElementById("kc-logout-form");
        if (!form) {
            return; // not signed in, or on a page without the header
        }
        done = true;
        var idle = document.createElement("input");
        idle.type = "hidden";
        idle.name = "reason";
        idle.value = "idle";
        form.appendChild(idle);
        form.submit();
    }

    window.setInterval(check, 15 * 1000);
    document.addEventListener("visibilitychange", check);
})();
