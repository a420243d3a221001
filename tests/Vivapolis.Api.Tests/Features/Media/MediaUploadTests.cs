using System.Net;
using System.Text;
using SixLabors.ImageSharp;
using Vivapolis.Api.Tests.Infrastructure;
using Vivapolis.Contracts.Media;

namespace Vivapolis.Api.Tests.Features.Media;

/// <summary>Uploads through the real pipeline with real image bytes, and the hostile files an upload form meets.</summary>
public sealed class MediaUploadTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Uploading_a_jpeg_stores_the_original_and_each_width_in_webp_and_jpeg()
    {
        var editor = await Api.EditorAsync();
        var response = await editor.UploadRawAsync(TestImages.Jpeg(800, 533), "Tramway Bellecour.JPG", "application/octet-stream",
            ("alt", "  Le tramway place Bellecour  "), ("credit", "Photo : Ville de Lyon"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var media = await response.ReadAsync<MediaDetails>();
        Assert.Equal($"/api/v1/manage/media/{media.Id}", response.Headers.Location!.ToString());
        Assert.Equal("\"v1\"", response.Headers.ETag!.ToString());
        Assert.Equal((ImageFormat.Jpeg, 800, 533, "Le tramway place Bellecour", "Photo : Ville de Lyon", "Tramway Bellecour.JPG"),
            (media.Format, media.Width, media.Height, media.Alt, media.Credit, media.FileName));
        Assert.Equal(ApiFactory.EditorEmail, media.CreatedBy);
        // 320 and 640 (narrower than the photo) and its full width, each in WebP and JPEG.
        Assert.Equal(["320 jpeg", "320 webp", "640 jpeg", "640 webp", "800 jpeg", "800 webp"],
            media.Variants.Select(v => $"{v.Width} {v.Format.ToString().ToLowerInvariant()}").Order().ToArray());
        Assert.Equal(media.Variants.Single(v => v.Width == 800 && v.Format == ImageFormat.Jpeg).Url, media.Url);

        var anonymous = Api.CreateClient();
        foreach (var variant in media.Variants)
        {
            var file = await anonymous.GetAsync(new Uri(variant.Url).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal(variant.MimeType, file.Content.Headers.ContentType!.MediaType);
            Assert.Equal("public, max-age=31536000, immutable", file.Headers.CacheControl!.ToString());
            var bytes = await file.Content.ReadAsByteArrayAsync();
            Assert.Equal(variant.Bytes, bytes.Length);
            var info = Image.Identify(bytes, out var format);
            Assert.Equal((variant.Width, variant.Height), (info.Width, info.Height));
            Assert.Equal(variant.MimeType, format.DefaultMimeType);
            Assert.Equal(Math.Round(533.0 * variant.Width / 800), variant.Height, 0);
            // Revalidation by a cache that kept it: 304.
            var again = await anonymous.GetAsync(new Uri(variant.Url).PathAndQuery, ("If-None-Match", file.Headers.ETag!.ToString()));
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        }
    }

    [Fact]
    public async Task A_jpeg_with_gps_exif_is_stored_without_any_of_its_metadata()
    {
        var photo = TestImages.JpegWithGps();
        Assert.NotNull(Image.Identify(photo).Metadata.ExifProfile); // the test's own premise
        var editor = await Api.EditorAsync();

        var (media, _) = await editor.UploadAsync(photo, "IMG_2041.jpg");

        var stored = Directory.GetFiles(Api.MediaRoot, "*", SearchOption.AllDirectories);
        Assert.Equal(media.Variants.Count, stored.Length);
        foreach (var path in stored)
        {
            var bytes = await File.ReadAllBytesAsync(path);
            var image = Image.Identify(bytes);
            Assert.Null(image.Metadata.ExifProfile);
            Assert.Null(image.Metadata.XmpProfile);
            Assert.Null(image.Metadata.IptcProfile);
            var text = Encoding.Latin1.GetString(bytes);
            foreach (var trace in new[] { "Exif\0\0", "CameraMarque", "Modele-X", "Jeanne Secret", "chez-moi-rue-des-lilas" })
                Assert.DoesNotContain(trace, text);
        }
        // What partners download is those same files.
        var served = await Api.CreateClient().FileBytesAsync(media.Url);
        Assert.Null(Image.Identify(served).Metadata.ExifProfile);
    }

    [Fact]
    public async Task The_camera_orientation_is_applied_before_the_metadata_goes()
    {
        var editor = await Api.EditorAsync();

        var (media, _) = await editor.UploadAsync(TestImages.JpegRotated(600, 400));

        Assert.Equal((400, 600), (media.Width, media.Height));
        var served = Image.Identify(await Api.CreateClient().FileBytesAsync(media.Url));
        Assert.Equal((400, 600), (served.Width, served.Height));
    }

    [Fact]
    public async Task Png_and_webp_are_accepted_and_a_webp_gets_webp_files_only()
    {
        var editor = await Api.EditorAsync();

        var (png, _) = await editor.UploadAsync(TestImages.Png(400, 300), "schema.png", "image/png");
        var (webp, _) = await editor.UploadAsync(TestImages.Webp(400, 300), "photo.webp", "image/webp");

        Assert.Equal(["320 png", "320 webp", "400 png", "400 webp"], png.Variants.Select(v => $"{v.Width} {v.Format.ToString().ToLowerInvariant()}").Order().ToArray());
        Assert.Equal(["320 webp", "400 webp"], webp.Variants.Select(v => $"{v.Width} {v.Format.ToString().ToLowerInvariant()}").Order().ToArray());
    }

    [Fact]
    public async Task The_same_file_uploaded_twice_is_the_image_already_there()
    {
        var editor = await Api.EditorAsync();
        var author = await Api.AuthorAsync();
        var photo = TestImages.Jpeg(500, 300);
        var (first, _) = await editor.UploadAsync(photo, "a.jpg", "image/jpeg", ("alt", "Un parc"));

        var again = await author.UploadRawAsync(photo, "copie de a.jpg");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = await again.ReadAsync<MediaDetails>();
        Assert.Equal((first.Id, "a.jpg", "Un parc"), (second.Id, second.FileName, second.Alt));
        var page = await (await editor.GetAsync(MediaSteps.Manage)).ReadAsync<Vivapolis.Contracts.Common.Page<MediaDetails>>();
        Assert.Single(page.Items);
        Assert.Equal(first.Variants.Count, Directory.GetFiles(Api.MediaRoot, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task The_same_file_uploaded_at_the_same_moment_by_two_editors_is_still_one_image()
    {
        var editor = await Api.EditorAsync();
        var admin = await Api.AdminAsync();
        var photo = TestImages.Jpeg(600, 400);

        var answers = await Task.WhenAll(editor.UploadRawAsync(photo), admin.UploadRawAsync(photo));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Created], answers.Select(a => a.StatusCode).Order());
        var ids = await Task.WhenAll(answers.Select(async a => (await a.ReadAsync<MediaDetails>()).Id));
        Assert.Equal(ids[0], ids[1]);
        var page = await (await editor.GetAsync(MediaSteps.Manage)).ReadAsync<Vivapolis.Contracts.Common.Page<MediaDetails>>();
        Assert.Single(page.Items);
    }

    [Fact]
    public async Task A_png_decompression_bomb_is_refused_from_its_header_and_stores_nothing()
    {
        var bomb = TestImages.PngBomb();
        Assert.True(bomb.Length < 200_000, $"the bomb is {bomb.Length} bytes"); // small on the wire, 3.6 GB decoded
        var editor = await Api.EditorAsync();
        var before = await DatabaseSnapshot.TakeAsync(Api.Schema);
        var memoryBefore = GC.GetTotalMemory(false);

        var response = await editor.UploadRawAsync(bomb, "plan.png", "image/png");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("30000 × 30000", problem.ErrorsFor("file").Single());
        Assert.Empty((await DatabaseSnapshot.TakeAsync(Api.Schema)).DifferencesFrom(before));
        Assert.False(Directory.Exists(Api.MediaRoot) && Directory.EnumerateFiles(Api.MediaRoot, "*", SearchOption.AllDirectories).Any());
        // Nothing near the decoded size was ever allocated (the upload itself is well under a megabyte).
        Assert.True(GC.GetTotalMemory(false) - memoryBefore < 500_000_000);
    }

    [Theory]
    [InlineData("svg", "logo.svg", "image/svg+xml", "SVG")]
    [InlineData("svg", "logo.jpg", "image/jpeg", "SVG")]
    [InlineData("text", "photo.jpg", "image/jpeg", "n'est pas une image JPEG, PNG ou WebP")]
    [InlineData("avif", "photo.avif", "image/avif", "AVIF")]
    public async Task A_file_that_is_not_a_jpeg_png_or_webp_is_refused_with_415_whatever_its_name(string kind, string name, string type, string says)
    {
        var bytes = kind switch { "svg" => TestImages.SvgWithScript, "text" => TestImages.TextFile, _ => TestImages.AvifHeader };
        var editor = await Api.EditorAsync();
        var before = await DatabaseSnapshot.TakeAsync(Api.Schema);

        var response = await editor.UploadRawAsync(bytes, name, type, ("alt", "Un logo"));

        var problem = await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains(says, problem.ErrorsFor("file").Single());
        Assert.DoesNotContain("<script", problem.ToJsonString());
        Assert.Empty((await DatabaseSnapshot.TakeAsync(Api.Schema)).DifferencesFrom(before));
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("png")]
    [InlineData("webp")]
    public async Task A_truncated_image_is_refused_with_400(string format)
    {
        var whole = format switch { "jpeg" => TestImages.Jpeg(400, 300), "png" => TestImages.Png(400, 300), _ => TestImages.Webp(400, 300) };
        var editor = await Api.EditorAsync();

        var response = await editor.UploadRawAsync(whole[..(whole.Length * 2 / 3)], "coupee." + format, "image/" + format);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("incomplet", problem.ErrorsFor("file").Single());
    }

    [Fact]
    public async Task An_upload_over_20_mib_is_refused_with_413_whether_it_declares_its_length_or_not()
    {
        var editor = await Api.EditorAsync();
        var limit = 20 * 1024 * 1024;

        // Declared over the operation's limit: refused before anything is read.
        var declared = await editor.UploadRawAsync(new byte[limit + 200_000]);
        await declared.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        // Within the body limit, but the file itself is over: refused as soon as the reader passes the limit.
        var file = await editor.UploadRawAsync(new byte[limit + 1]);
        var problem = await file.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("20 Mo", problem.ErrorsFor("file").Single());
        // The default limit still holds everywhere else.
        var json = await editor.PostAsync("/api/v1/manage/articles", new ByteArrayContent(new byte[2 * 1024 * 1024])
        {
            Headers = { ContentType = new("application/json") },
        });
        await json.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_form_without_a_file_with_an_unknown_field_or_as_json_is_refused()
    {
        var editor = await Api.EditorAsync();

        var noFile = await editor.PostAsync(MediaSteps.Manage, Infrastructure.Contract.PreparedRequest.FormContent([
            Infrastructure.Contract.FormPart.Text("alt", "Une image")]));
        Assert.NotEmpty((await noFile.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("file"));

        var unknown = await editor.UploadRawAsync(TestImages.Jpeg(100, 100), "a.jpg", "image/jpeg", ("status", "published"));
        Assert.NotEmpty((await unknown.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("status"));

        var longAlt = await editor.UploadRawAsync(TestImages.Jpeg(100, 100), "a.jpg", "image/jpeg", ("alt", new string('a', 301)));
        Assert.NotEmpty((await longAlt.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("alt"));

        var json = await editor.PostJsonAsync(MediaSteps.Manage, new { file = "x" });
        await json.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Refusals_are_in_english_on_request()
    {
        var editor = await Api.EditorAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, MediaSteps.Manage)
        {
            Content = Infrastructure.Contract.PreparedRequest.FormContent([
                Infrastructure.Contract.FormPart.File("file", TestImages.SvgWithScript, "logo.svg", "image/svg+xml")]),
        };
        request.Headers.Add("Accept-Language", "en");

        var problem = await (await editor.SendAsync(request)).ProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("SVG images are refused: an SVG can carry script. Send a PNG or a WebP.", problem.ErrorsFor("file").Single());
    }

    [Fact]
    public async Task Files_are_served_anonymously_and_unknown_or_malformed_paths_are_404()
    {
        var editor = await Api.EditorAsync();
        var (media, _) = await editor.UploadWithAltAsync();
        var anonymous = Api.CreateClient();
        var path = new Uri(media.Url).AbsolutePath;

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
        foreach (var bad in new[] { path.Replace(".jpg", ".gif"), path.Replace(media.Hash, new string('0', 32)), "/media/..%2F..%2Fetc/passwd", $"/media/{media.Hash}/original" })
            await (await anonymous.GetAsync(bad)).ProblemAsync(HttpStatusCode.NotFound);
    }
}
