using FastEndpoints;
using FluentValidation;
using Marten;
using Vivapolis.Api.Content.Management;
using Vivapolis.Api.Features.Auth;
using Vivapolis.Api.Infrastructure;
using Vivapolis.Contracts.ApiKeys;

namespace Vivapolis.Api.Features.ApiKeys;

public sealed class ApiKeyRequestValidator : Validator<ApiKeyRequest>
{
    public const int MaxNameLength = 100;

    public ApiKeyRequestValidator()
    {
        RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n))
            .WithMessage(_ => Text.Of("Le nom est obligatoire : dites à qui est destinée la clé.", "Name is required: say who the key is for."))
            .MaximumLength(MaxNameLength)
            .WithMessage(_ => Text.Of($"Le nom compte au plus {MaxNameLength} caractères.", $"Name must be {MaxNameLength} characters at most."));
        var allowed = string.Join(", ", ApiKeyScopes.All);
        RuleFor(x => x.Scopes).Cascade(CascadeMode.Stop).NotEmpty()
            .WithMessage(_ => Text.Of($"Donnez au moins une portée : {allowed}.", $"Give at least one scope: {allowed}."))
            .Must(scopes => scopes.All(s => ApiKeyScopes.All.Contains(s)))
            .WithMessage(_ => Text.Of($"Portée inconnue. Valeurs permises : {allowed}.", $"Unknown scope. Allowed values: {allowed}."))
            .Must(scopes => scopes.Distinct().Count() == scopes.Count)
            .WithMessage(_ => Text.Of("Chaque portée ne figure qu'une fois.", "Each scope may appear only once."));
    }
}

/// <summary>POST /api/v1/manage/api-keys: a new key, whose secret this response shows once and never again.</summary>
public sealed class CreateApiKey(IDocumentSession session, TimeProvider clock) : Endpoint<ApiKeyRequest, CreatedApiKey>
{
    public const string Route = ManagementRoutes.Prefix + "/api-keys";

    public override void Configure()
    {
        Post(Route);
        Roles(Auth.Roles.Admin);
        Description(b => b.Document<ApiKeyRequest, CreatedApiKey>(201, 400, 401, 403));
        Summary(s =>
        {
            s.Summary = "Create an API key for a partner";
            s.Description = "Administrators only. The response holds the secret, to send as the X-Api-Key header: it is " +
                            "shown this once (only its hash is kept) and can never be read again, only revoked and replaced.";
        });
    }

    public override async Task HandleAsync(ApiKeyRequest request, CancellationToken ct)
    {
        var now = clock.Now();
        var secret = ApiKeySecrets.New();
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(now),
            Name = request.Name.Trim(),
            // In the order of ApiKeyScopes.All, whatever order they came in.
            Scopes = ApiKeyScopes.All.Where(request.Scopes.Contains).ToArray(),
            Prefix = secret[..ApiKeySecrets.PrefixLength],
            Hash = ApiKeySecrets.Hash(secret),
            CreatedAt = now,
            CreatedBy = User.Actor(),
        };
        session.Insert(key);
        session.Events.StartStream<ApiKey>(key.Id, new ApiKeyCreated(key.Name, key.Scopes, key.CreatedBy, now));
        await session.SaveChangesAsync(ct);

        HttpContext.Response.Headers.Location = $"{Route}/{key.Id}";
        await Send.ResponseAsync(new CreatedApiKey
        {
            Key = secret, Id = key.Id, Name = key.Name, Scopes = key.Scopes, Prefix = key.Prefix,
            CreatedAt = key.CreatedAt, CreatedBy = key.CreatedBy,
        }, 201, ct);
    }
}
