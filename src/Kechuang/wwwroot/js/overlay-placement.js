// AntDesign Blazor 1.6.2 flips a dropdown that has no room below (bottomLeft → topLeft) by reading its current
// placement class out of className by position. When that class is the last one, it reads "" and calls
// classList.replace("", …), which throws: the page reports an uncaught error and the flipped list keeps its old
// placement class. Given an empty token, the placement class with the new one's prefix is replaced instead.
(function () {
    const replace = DOMTokenList.prototype.replace;
    const marker = "-placement-";
    DOMTokenList.prototype.replace = function (oldToken, newToken) {
        if (oldToken === "" && typeof newToken === "string" && newToken.includes(marker)) {
            const prefix = newToken.slice(0, newToken.indexOf(marker) + marker.length);
            const current = Array.prototype.find.call(this, t => t.startsWith(prefix));
            if (current) {
                return replace.call(this, current, newToken);
            }
            this.add(newToken);
            return true;
        }
        return replace.call(this, oldToken, newToken);
    };
})();
