package org.imarchive.gateway.search;

import org.imarchive.archive.indexing.MessageDocuments;
import org.imarchive.archive.media.AttachmentTexts;
import org.imarchive.archive.search.SearchIndex;
import org.imarchive.archive.search.elasticsearch.ElasticsearchSearchIndex;
import org.imarchive.archive.search.elasticsearch.ElasticsearchSearchSettings;
import org.imarchive.archive.search.lucene.LuceneSearchIndex;
import org.imarchive.gateway.accounts.AccountRegister;
import org.imarchive.gateway.config.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** The search index the settings choose, and how messages become its documents. */
@Configuration(proxyBeanMethods = false)
public class SearchConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(SearchConfiguration.class);

    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(SearchProperties properties, GatewayProperties gateway) {
        if ("elasticsearch".equals(properties.backend())) {
            SearchProperties.Elasticsearch es = properties.elasticsearch();
            if (es.url() == null || es.url().isBlank()) {
                throw new IllegalStateException("gateway.search.elasticsearch.url must be set when gateway.search.backend=elasticsearch");
            }
            LOG.info("search: Elasticsearch at {} index {}", es.url(), es.index());
            return ElasticsearchSearchIndex.connect(ElasticsearchSearchSettings.defaults(es.url(), es.apiKey(), es.index()).withReplicas(es.replicas()));
        }
        return LuceneSearchIndex.open(properties.luceneDir() != null ? properties.luceneDir() : gateway.dataDir().resolve("search"));
    }

    /** Attachments' extracted text, which documents include, and the reindex requests its extraction leaves. */
    @Bean
    AttachmentTexts attachmentTexts(DataSource dataSource) {
        return new AttachmentTexts(dataSource);
    }

    @Bean
    MessageDocuments messageDocuments(AccountRegister accounts, AttachmentTexts attachmentTexts) {
        return new MessageDocuments(account -> accounts.ownerOf(account).orElse(null), attachmentTexts::textOf);
    }
}
