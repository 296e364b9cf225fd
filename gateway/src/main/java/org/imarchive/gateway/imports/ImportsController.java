package org.imarchive.gateway.imports;

import jakarta.servlet.http.HttpServletRequest;
import org.imarchive.gateway.security.Actors;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** {@code POST /api/imports}: a WhatsApp or Telegram Desktop export, with the custodian who collected it. */
@RestController
@RequestMapping("/api/imports")
public class ImportsController {
    private final ImportService imports;

    public ImportsController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = "multipart/form-data")
    public ImportService.ImportOutcome upload(@RequestParam("file") MultipartFile file,
                                              @RequestParam String custodian,
                                              @RequestParam String account,
                                              @RequestParam(required = false) String timezone,
                                              @RequestParam(required = false) String ownNames,
                                              @RequestParam(required = false) String chatName,
                                              HttpServletRequest request) throws IOException {
        if (file.isEmpty()) {
            throw new IllegalArgumentException("the uploaded file is empty");
        }
        List<String> names = ownNames == null ? List.of() : Arrays.stream(ownNames.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
        return imports.importFile(file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(), file.getBytes(),
                new ImportService.ImportParameters(custodian, account, timezone, names, chatName), Actors.current(), Actors.addressOf(request));
    }
}
