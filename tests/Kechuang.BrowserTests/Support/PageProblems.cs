using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Kechuang.BrowserTests.Support;

/// <summary>
/// What went wrong on one page while a journey used it: browser console errors, uncaught script errors, requests
/// that failed, and answers of 400 or more from the application itself. A journey ends with
/// <see cref="Journey.EndAsync"/>, which fails on any of them that the journey did not announce with
/// <see cref="Journey.ExpectStatus"/> or <see cref="Journey.ExpectError"/> — a page that looks right but whose
/// script or stylesheet did not load is a broken page.
/// </summary>
public sealed class PageProblems
{
    private const string LoadErrorPrefix = "Failed to load resource: the server responded with a status of ";

    private static readonly ConditionalWeakTable<IPage, PageProblems> Pages = new();
    private static readonly Lock LogGate = new();

    private readonly ConcurrentQueue<Problem> _problems = new();
    private readonly ConcurrentBag<(int Status, string Path)> _expectedStatus = [];
    private readonly ConcurrentBag<string> _expectedErrors = [];
    private readonly ConcurrentBag<string> _downloads = [];
    private readonly ConcurrentDictionary<string, bool> _axeChecked = new();
    private readonly string _baseUrl;

    private PageProblems(string baseUrl) => _baseUrl = baseUrl.TrimEnd('/');

    private sealed record Problem(string Text, string? Url = null, int Status = 0, bool Aborted = false, bool Navigation = false);

    public bool Checked { get; private set; }

    /// <summary>Every problem seen so far that the journey did not announce.</summary>
    public IReadOnlyList<string> Problems => [.. _problems.Where(p => !IsExpected(p)).Select(p => p.Text)];

    public static PageProblems Of(IPage page) =>
        Pages.TryGetValue(page, out var problems) ? problems : throw new InvalidOperationException("the page was not opened by NewPageAsync");

    /// <summary>Starts collecting on <paramref name="page"/>, whose own resources are those under <paramref name="baseUrl"/>.</summary>
    public static PageProblems Watch(IPage page, string baseUrl)
    {
        var problems = new PageProblems(baseUrl);
        Pages.Add(page, problems);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Log($"console {message.Type}: {message.Text} ({message.Location})");
            }
            if (message.Type == "error")
            {
                // Chromium also reports every answer of 400 or more as a console error located at the address.
                var status = message.Text.StartsWith(LoadErrorPrefix, StringComparison.Ordinal)
                    && int.TryParse(message.Text.AsSpan(LoadErrorPrefix.Length, 3), out var s) ? s : 0;
                problems.Add(new Problem($"console error: {message.Text} ({message.Location})", message.Location, status));
            }
        };
        page.PageError += (_, error) => problems.Add(new Problem($"uncaught page error: {error}"));
        page.RequestFailed += (_, request) => problems.Add(new Problem(
            $"request failed: {request.Method} {request.Url} ({request.ResourceType}): {request.Failure}", request.Url, Aborted: request.Failure == "net::ERR_ABORTED",
            Navigation: IsPageLoad(request)));
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && problems.IsOwn(response.Url))
            {
                problems.Add(new Problem($"answer {response.Status}: {response.Request.Method} {response.Url}", response.Url, response.Status));
            }
        };
        // A download leaves the page: Chromium reports its request as aborted, which is no problem.
        page.Download += (_, download) => problems._downloads.Add(download.Url);
        return problems;
    }

    public void ExpectStatus(int status, string pathStart) => _expectedStatus.Add((status, pathStart));

    public void ExpectError(string textFragment) => _expectedErrors.Add(textFragment);

    /// <summary>
    /// Runs axe over the page as it is now, once per path (a number or GUID in it stands for any id), and records each violation
    /// as a problem, so <see cref="Journey.EndAsync"/> lists every page's violations together rather than stopping
    /// the journey at the first.
    /// </summary>
    public async Task CheckAccessibilityAsync(IPage page)
    {
        var path = new Uri(page.Url).AbsolutePath;
        var key = string.Join('/', path.Split('/').Select(part => IsId(part) ? "{id}" : part));
        if (!_axeChecked.TryAdd(key, true))
        {
            return;
        }
        var violations = await Accessibility.ViolationsAsync(page);
        if (violations.Count > 0)
        {
            Add(new Problem($"axe: {violations.Count} WCAG A/AA rule(s) violated at {path}{Environment.NewLine}{Accessibility.Describe(violations)}"));
        }
    }

    /// <summary>Returns the problems and marks the page as checked.</summary>
    public IReadOnlyList<string> Check()
    {
        Checked = true;
        return Problems;
    }

    /// <summary>
    /// A page load: a document request, or the fetch with which Blazor's enhanced navigation loads a page (its Accept
    /// header carries <c>blazor-enhanced-nav=on</c>).
    /// </summary>
    private static bool IsPageLoad(IRequest request) =>
        (request.IsNavigationRequest && request.ResourceType == "document")
        || (request.ResourceType == "fetch" && request.Headers.TryGetValue("accept", out var accept)
            && accept.Contains("blazor-enhanced-nav=on", StringComparison.OrdinalIgnoreCase));

    private static bool IsId(string part) => (part.Length > 0 && part.All(char.IsAsciiDigit)) || Guid.TryParse(part, out _);

    private bool IsOwn(string url) => url.StartsWith(_baseUrl + "/", StringComparison.Ordinal) || url == _baseUrl;

    private bool IsExpected(Problem problem)
    {
        if (_expectedErrors.Any(e => problem.Text.Contains(e, StringComparison.Ordinal)))
        {
            return true;
        }
        if (problem.Aborted && _downloads.Contains(problem.Url))
        {
            return true;
        }
        // A page load that the next navigation replaced (a redirect after signing in, a link followed before the
        // page finished loading): the user sees the page that replaced it, whose own problems are collected.
        if (problem.Aborted && problem.Navigation)
        {
            return true;
        }
        if (problem.Status >= 400 && problem.Url is { } url && IsOwn(url))
        {
            // A console location reads "address:line:column"; the path prefix still matches.
            var path = new Uri(url).AbsolutePath;
            return _expectedStatus.Any(e => e.Status == problem.Status && path.StartsWith(e.Path, StringComparison.Ordinal));
        }
        return false;
    }

    private void Add(Problem problem)
    {
        _problems.Enqueue(problem);
        Log(problem.Text);
    }

    private static void Log(string line)
    {
        lock (LogGate)
        {
            File.AppendAllText(Path.Combine(Repository.Artifacts("browser-tests"), "browser-console.log"), $"{DateTime.Now:HH:mm:ss} {line}{Environment.NewLine}");
        }
    }
}
