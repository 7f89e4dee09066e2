package org.queqiao.http.routes;

import io.javalin.http.Context;
import org.queqiao.http.ApiSettings;
import org.queqiao.platform.problem.ProblemException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A CSV file posted as the request body: within import.max-csv-bytes and valid UTF-8, or a clear error saying how to fix it. */
final class CsvUploads {
    private CsvUploads() {}

    static String read(Context ctx, ApiSettings settings) {
        byte[] raw = ctx.bodyAsBytes();
        if (raw.length > settings.maxCsvBytes()) {
            throw new ProblemException(413, "body_too_large", "The CSV file is larger than " + settings.maxCsvBytes() / (1024 * 1024) + " MB; split it", "file", null);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("file", "not_utf8", "Save the CSV as UTF-8 (in Excel: CSV UTF-8) and upload it again");
        }
    }
}
