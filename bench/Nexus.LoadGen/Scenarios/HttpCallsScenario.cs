using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Nexus.LoadGen.Scenarios;

/// <summary>
/// N clients calling <c>POST /api/workspaces/{ws}/panels/{p}/tools/inc</c> one call at a time each, over kept-alive
/// HTTP/1.1 connections (one per client). A call's latency runs from just before the request is sent to the end of
/// reading its response body.
/// </summary>
internal static class HttpCallsScenario
{
    private static readonly byte[] Body = """{"args":{}}"""u8.ToArray();

    public static async Task<ScenarioResult> RunAsync(RunContext context, int clients, CancellationToken cancellationToken)
    {
        var api = context.Api;
        var panelId = await api.AddCounterPanelAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) };
            using var http = new HttpClient(handler) { BaseAddress = api.Url, Timeout = RunContext.Grace };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", api.AccessToken);
            var path = new Uri(api.ToolPath(panelId), UriKind.Relative);

            return await ClosedLoop.RunAsync(context, "http", clients, inFlight: 1,
                (_, window, latencies, errors, token) => RunClientAsync(http, path, window, latencies, errors, token), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await api.RemovePanelAsync(panelId, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task RunClientAsync(HttpClient http, Uri path, LoadWindow window, List<long> latencies, ErrorTally errors, CancellationToken cancellationToken)
    {
        while (window.Running)
        {
            var before = Stopwatch.GetTimestamp();
            try
            {
                using var content = new ByteArrayContent(Body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync(path, content, cancellationToken).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                var now = Stopwatch.GetTimestamp();
                if (response.StatusCode != HttpStatusCode.OK || !Frame.Parse(body).Succeeded)
                {
                    errors.Add($"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
                }
                else if (window.Measures(now))
                {
                    latencies.Add(now - before);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or FormatException)
            {
                errors.Add(exception.Message);
                return;
            }
        }
    }
}
