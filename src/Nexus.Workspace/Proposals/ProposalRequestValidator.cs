using System.Text;
using Nexus.Nxml;
using Nexus.Nxml.Diagnostics;
using Nexus.Workspace.Git;

namespace Nexus.Workspace.Proposals;

/// <summary>Refuses a proposal request before anything is written: bad fields, bad paths, panels that do not check clean.</summary>
internal static class ProposalRequestValidator
{
    public const string InvalidRequest = "INVALID_REQUEST";

    public static void Validate(ProposalRequest request, ProposalOptions options)
    {
        Text(nameof(request.Title), request.Title, options.MaxTitleLength, required: true);
        Text(nameof(request.Author), request.Author, options.MaxTitleLength, required: true);
        Text(nameof(request.Description), request.Description, options.MaxTextLength, required: false);
        Text(nameof(request.Reasoning), request.Reasoning, options.MaxTextLength, required: false);
        if (request.Source is not (ProposalSources.User or ProposalSources.Ai))
        {
            throw Invalid($"Source must be '{ProposalSources.User}' or '{ProposalSources.Ai}', not '{request.Source}'");
        }

        if (request.Confidence is { } confidence && !(confidence >= 0 && confidence <= 1))
        {
            throw Invalid($"Confidence must be between 0 and 1, not {confidence}");
        }

        ValidateChanges(request.Changes, options);
        CheckPanels(request.Changes, options);
    }

    /// <summary>True for the panel sources a proposal must keep valid.</summary>
    public static bool IsPanel(string path) =>
        path.StartsWith("panels/", StringComparison.Ordinal) && path.EndsWith(".nxml", StringComparison.Ordinal);

    private static void ValidateChanges(IReadOnlyList<FileChange>? changes, ProposalOptions options)
    {
        if (changes is null || changes.Count == 0)
        {
            throw Invalid("a proposal needs at least one change");
        }

        if (changes.Count > options.MaxChanges)
        {
            throw Invalid($"a proposal may change at most {options.MaxChanges} files, not {changes.Count}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (change is null)
            {
                throw Invalid("a change is missing");
            }

            if (RepositoryPath.Problem(change.Path) is { } problem)
            {
                throw Invalid(problem);
            }

            if (!seen.Add(change.Path))
            {
                throw Invalid($"the path '{change.Path}' is changed twice");
            }

            if (change.Content is { Length: var size } && size > options.MaxFileBytes)
            {
                throw Invalid($"'{change.Path}' has {size:N0} bytes; the limit is {options.MaxFileBytes:N0}");
            }
        }
    }

    private static void CheckPanels(IReadOnlyList<FileChange> changes, ProposalOptions options)
    {
        var failures = new SortedDictionary<string, IReadOnlyList<Diagnostic>>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (change.Content is { } content && IsPanel(change.Path))
            {
                var document = NxmlDocument.Check(content, options.Check);
                if (!document.IsValid)
                {
                    failures[change.Path] = document.Diagnostics;
                }
            }
        }

        if (failures.Count > 0)
        {
            var summary = new StringBuilder("changed panels do not check clean:");
            foreach (var (path, diagnostics) in failures)
            {
                summary.Append(' ').Append(path).Append(" (").Append(diagnostics.Count(d => d.IsError)).Append(" errors)");
            }

            throw new ProposalInvalidException(summary.ToString(), failures);
        }
    }

    private static void Text(string name, string? value, int maxLength, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            throw Invalid($"{name} is required");
        }

        if (value is not null && value.Length > maxLength)
        {
            throw Invalid($"{name} has {value.Length:N0} characters; the limit is {maxLength:N0}");
        }
    }

    private static ProposalException Invalid(string message) => new(InvalidRequest, message);
}
