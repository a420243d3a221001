using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Vivapolis.Contracts.Webhooks;

namespace Vivapolis.Api.Features.Webhooks;

/// <summary>
/// The request a receiver gets, in the contract's <c>webhooks</c> section (OpenAPI 3.1): its body
/// (<see cref="WebhookEvent"/>), its three Standard Webhooks headers and examples of each, and the answers the
/// dispatcher expects. Generators and readers of openapi.yaml then know the receiver's side too.
/// </summary>
public sealed class WebhookContract : IDocumentFilter
{
    public const string Name = "contentChanged";

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var body = context.SchemaGenerator.GenerateSchema(typeof(WebhookEvent), context.SchemaRepository);
        OpenApiParameter Header(string name, string description, JsonNode example, JsonSchemaType type = JsonSchemaType.String) => new()
        {
            Name = name, In = ParameterLocation.Header, Required = true, Description = description,
            Schema = new OpenApiSchema { Type = type }, Example = example,
        };
        var operation = new OpenApiOperation
        {
            OperationId = Name,
            Summary = "A change to the published set, sent to each webhook that follows it",
            Description =
                "POSTed to the webhook's URL for each change it follows (publication, republication, slug change, " +
                "unpublication, deletion, withdrawal, erasure), and for tests (`webhook.ping`). The body says what " +
                "changed, not the item: fetch it through `GET /api/v1/sync` (API key with `sync:read`) or its public " +
                "address. Signed per Standard Webhooks: verify `webhook-signature` with any Standard Webhooks library " +
                "and the webhook's secret (`whsec_…`), reject timestamps more than 5 minutes off, and dedupe by " +
                "`webhook-id`, which stays the same on every retry. Answer 2xx within 5 seconds (do the work " +
                "afterwards); anything else, a redirect included, is retried with exponential backoff and jitter for " +
                "at least 24 hours, then the webhook shows as failing to administrators. Deliveries may arrive out of " +
                "order: `data.position` gives the commit order.",
            Tags = new HashSet<OpenApiTagReference> { new("webhooks", document) },
            // Sent by the API, not called on it: no credentials; the signature is what the receiver checks.
            Security = [new OpenApiSecurityRequirement()],
            Parameters =
            [
                Header("webhook-id", "The delivery's id: the same on every attempt of this message.", "0193c5a2-7b1e-7cc0-9d1a-4f2b8e6a5c31"),
                Header("webhook-timestamp", "When this attempt was sent, in Unix seconds.", "1796029200"),
                Header("webhook-signature",
                    "`v1,` then the base64 HMAC-SHA256, keyed with the base64-decoded part of the secret after `whsec_`, " +
                    "of `{webhook-id}.{webhook-timestamp}.{body}`. During the 24 hours after a secret rotation, two " +
                    "signatures separated by a space (the new secret's, then the former one's).",
                    "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="),
            ],
            RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    ["application/json"] = new OpenApiMediaType
                    {
                        Schema = body,
                        Examples = new Dictionary<string, IOpenApiExample>
                        {
                            ["published"] = new OpenApiExample
                            {
                                Summary = "An article published",
                                Value = JsonNode.Parse("""
                                    {"type":"content.published","timestamp":"2026-12-01T08:30:00+00:00","data":{"type":"article","id":"0193c5a1-0f2e-7a44-b1d3-2c9e8f7a6b50","kind":"published","op":"upsert","version":4,"changedAt":"2026-12-01T08:30:00+00:00","locale":"fr","slug":"vers-un-modele-francais","position":1287}}
                                    """),
                            },
                            ["erased"] = new OpenApiExample
                            {
                                Summary = "An advertiser contact erased (no slug, no locale: nothing of the person)",
                                Value = JsonNode.Parse("""
                                    {"type":"content.erased","timestamp":"2026-12-01T09:02:11+00:00","data":{"type":"advertiser-contact","id":"0193c5a1-5d77-7b20-8e41-77a0c3d2e911","kind":"erased","op":"delete","version":6,"changedAt":"2026-12-01T09:02:11+00:00","locale":null,"slug":null,"position":1288}}
                                    """),
                            },
                            ["ping"] = new OpenApiExample
                            {
                                Summary = "A test message sent by an administrator",
                                Value = JsonNode.Parse("""
                                    {"type":"webhook.ping","timestamp":"2026-12-01T09:05:00+00:00","data":{"webhookId":"0193c5a0-aa10-7d3e-9c5b-0e1f2a3b4c5d"}}
                                    """),
                            },
                        },
                    },
                },
            },
            Responses = new OpenApiResponses
            {
                ["200"] = new OpenApiResponse { Description = "Taken (any 2xx is). The answer's first kilobyte shows in the delivery log." },
                ["default"] = new OpenApiResponse { Description = "Any other status, a redirect included, or no answer within 5 s: retried, and logged." },
            },
        };
        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        document.Webhooks[Name] = new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Post] = operation } };
    }
}
