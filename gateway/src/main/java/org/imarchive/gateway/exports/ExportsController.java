package org.imarchive.gateway.exports;

import jakarta.servlet.http.HttpServletRequest;
import org.imarchive.gateway.security.Actors;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.file.Path;
import java.util.Map;

/** {@code /api/exports}: request a production (202 with its id), follow it, download its ZIP. */
@RestController
@RequestMapping("/api/exports")
public class ExportsController {
    private final ExportService exports;

    public ExportsController(ExportService exports) {
        this.exports = exports;
    }

    @PostMapping
    public ResponseEntity<Map<String, String>> request(@RequestBody ExportService.ExportRequest request, HttpServletRequest http) {
        String id = exports.request(request, Actors.current(), Actors.addressOf(http));
        return ResponseEntity.status(HttpStatus.ACCEPTED).header(HttpHeaders.LOCATION, "/api/exports/" + id).body(Map.of("id", id));
    }

    @GetMapping("/{id}")
    public ExportJob job(@PathVariable String id) {
        return exports.job(id).orElseThrow(() -> new java.util.NoSuchElementException("no export " + id));
    }

    @GetMapping("/{id}/download")
    public ResponseEntity<FileSystemResource> download(@PathVariable String id, HttpServletRequest http) {
        Path zip = exports.download(id, Actors.current(), Actors.addressOf(http));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"production-" + id + ".zip\"")
                .body(new FileSystemResource(zip));
    }
}
