package org.samizdat.distribution.web;

import java.nio.charset.StandardCharsets;
import org.samizdat.content.Navigation;
import org.samizdat.distribution.internal.MirrorDocument;
import org.samizdat.distribution.internal.MirrorList;
import org.samizdat.distribution.internal.SigningKey;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.Pages;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public face of the mirror list: the "How to reach us" page in each language, and the signed list
 * ({@code /mirrors.json}, its signature, the public key) for apps and readers who check it. All cacheable.
 */
@Controller
class MirrorPages {

    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final MirrorList mirrors;
    private final MirrorDocument document;
    private final SigningKey key;
    private final Pages pages;
    private final Navigation navigation;

    MirrorPages(MirrorList mirrors, MirrorDocument document, SigningKey key, Pages pages, Navigation navigation) {
        this.mirrors = mirrors;
        this.document = document;
        this.key = key;
        this.pages = pages;
        this.navigation = navigation;
    }

    @GetMapping("/{lang:en|ru}/reach")
    String reach(@PathVariable String lang, Model model) {
        Language language = Language.of(lang);
        model.addAttribute("page", pages.page(language, pages.texts(language).get("distribution.reach.title"),
                pages.texts(language).get("distribution.reach.description"), "/" + lang + "/reach")
                .withAlternate("/" + language.other().code() + "/reach"));
        model.addAttribute("nav", navigation.sections(language));
        model.addAttribute("mirrors", mirrors.snapshot().live());
        model.addAttribute("keyId", key.id());
        return "distribution/reach";
    }

    @GetMapping("/mirrors.json")
    ResponseEntity<byte[]> list() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
                .body(document.current().json());
    }

    @GetMapping("/mirrors.json.sig")
    ResponseEntity<String> signature() {
        return ResponseEntity.ok().contentType(TEXT).body(document.current().signature());
    }

    @GetMapping("/mirrors-key.txt")
    ResponseEntity<String> publicKey() {
        return ResponseEntity.ok().contentType(TEXT).body(key.publicKeyPem());
    }
}
