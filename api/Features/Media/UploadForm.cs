using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Vivapolis.Api.Infrastructure;

namespace Vivapolis.Api.Features.Media;

/// <summary>
/// The multipart form of an upload, read section by section from the body with every size bounded as it streams:
/// one <c>file</c>, and optionally <c>alt</c>, <c>credit</c> and <c>caption</c>. Any other field is refused, as an
/// unknown JSON field is elsewhere.
/// </summary>
public sealed record UploadForm(byte[] File, string FileName, string? Alt, string? Credit, string? Caption)
{
    public const string FileField = "file";
    private static readonly string[] TextFields = ["alt", "credit", "caption"];
    private const int MaxTextBytes = 8 * 1024;
    private const int MaxSections = 8;

    public static async Task<UploadForm> ReadAsync(HttpRequest request, long maxFileBytes, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 70 } boundary)
            throw new ProblemException(415, Problems.Title(415), Text.Of(
                "Envoyez l'image dans un formulaire multipart/form-data, dans le champ « file ».",
                "Send the image in a multipart/form-data form, in the 'file' field."));

        var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 8, HeadersLengthLimit = 4096 };
        byte[]? file = null;
        string? fileName = null;
        var texts = new Dictionary<string, string>();
        try
        {
            for (var count = 0; await reader.ReadNextSectionAsync(ct) is { } section; count++)
            {
                if (count == MaxSections) throw Invalid("(form)", "Trop de champs dans le formulaire.", "Too many fields in the form.");
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase) || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { Length: > 0 } name)
                    throw Invalid("(form)", "Chaque partie du formulaire doit être un champ nommé (form-data).", "Each part of the form must be a named field (form-data).");
                if (name == FileField)
                {
                    if (file is not null) throw Invalid(FileField, "Une seule image par envoi.", "One image per upload.");
                    file = await ReadBoundedAsync(section.Body, maxFileBytes, ct) ?? throw TooLarge(maxFileBytes);
                    fileName = CleanFileName(disposition.FileNameStar.Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value);
                }
                else if (TextFields.Contains(name))
                {
                    if (texts.ContainsKey(name)) throw Invalid(name, "Ce champ figure deux fois.", "This field appears twice.");
                    var bytes = await ReadBoundedAsync(section.Body, MaxTextBytes, ct)
                                ?? throw Invalid(name, "Ce texte est trop long.", "This text is too long.");
                    var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
                    if (RequestJson.HasControlCharacters(text)) throw Invalid(name, RequestJson.ControlCharactersMessage, RequestJson.ControlCharactersMessage);
                    texts[name] = text;
                }
                else throw Invalid(name, "Champ inconnu : le formulaire prend file, alt, credit et caption.",
                                   "Unknown field: the form takes file, alt, credit and caption.");
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or DecoderFallbackException && e is not BadHttpRequestException)
        {
            throw Invalid("(form)", "Le formulaire multipart est mal formé ou incomplet.", "The multipart form is malformed or incomplete.");
        }
        if (file is null || file.Length == 0)
            throw Invalid(FileField, "Choisissez une image à envoyer (champ « file »).", "Choose an image to upload (the 'file' field).");
        return new UploadForm(file, fileName ?? "image", texts.GetValueOrDefault("alt"), texts.GetValueOrDefault("credit"),
            texts.GetValueOrDefault("caption"));
    }

    /// <summary>The bytes of a section, or null as soon as it passes <paramref name="limit"/> (nothing more is read).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The last segment of the name the browser sent, without control characters, 200 characters at most.</summary>
    private static string? CleanFileName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var last = name.Replace('\\', '/').Split('/').Last();
        var clean = new string(last.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return clean.Length == 0 ? null : clean.Length > 200 ? clean[..200] : clean;
    }

    public static ProblemException TooLarge(long max) => MediaProblems.File(413,
        $"L'image dépasse {max / (1024 * 1024)} Mo : réduisez-la avant de l'envoyer.", $"The image is over {max / (1024 * 1024)} MB: make it smaller before uploading.");

    private static ProblemException Invalid(string field, string french, string english) => MediaProblems.Field(field, french, english);
}
