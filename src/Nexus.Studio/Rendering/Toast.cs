using System.Text.Json.Nodes;
using MudBlazor;
using Nexus.Reactor;

namespace Nexus.Studio.Rendering;

/// <summary>
/// A <c>toast</c> event as a snackbar: the payload is the message (<c>$emit('toast', 'Saved')</c>), or an object
/// with <c>message</c> and an optional <c>type</c>/<c>severity</c> (<c>success</c>, <c>info</c>, <c>warn</c>/<c>warning</c>, <c>error</c>).
/// </summary>
internal sealed record Toast(string Message, Severity Severity)
{
    public static Toast From(JsonNode? payload)
    {
        if (payload is not JsonObject fields)
        {
            return new Toast(ViewValues.Display(payload), Severity.Normal);
        }

        var message = ViewValues.Display(fields["message"] ?? fields["text"] ?? payload);
        var severity = ViewValues.Display(fields["type"] ?? fields["severity"]) switch
        {
            "success" => Severity.Success,
            "info" => Severity.Info,
            "warn" or "warning" => Severity.Warning,
            "error" => Severity.Error,
            _ => Severity.Normal,
        };
        return new Toast(message, severity);
    }
}
