package io.labelloop.component;

import io.labelloop.loop.LoopConfig;
import io.labelloop.loop.LoopPausedException;
import io.labelloop.loop.LoopSteps;
import io.labelloop.loop.StepResults;
import io.labelloop.routes.RouteFiles;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one loop step per exchange and writes what it did into the exchange headers. */
class LabelloopProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(LabelloopProducer.class);

    LabelloopProducer(LabelloopEndpoint endpoint) {
        super(endpoint);
    }

    /** Import creates the dataset; every other step fails its route's start when the loop's dataset is missing. */
    @Override
    protected void doStart() throws Exception {
        if (getEndpoint().getConfiguration().getOperation() != LabelloopOperation.IMPORT) {
            CamelContext camel = getEndpoint().getCamelContext();
            getEndpoint().requireDatasets(RouteFiles.sendingTo(camel, uri -> sendsHere(camel, uri)));
        }
        super.doStart();
    }

    private boolean sendsHere(CamelContext camel, String uri) {
        try {
            return camel.hasEndpoint(uri) == getEndpoint();
        } catch (RuntimeException e) {
            return false; // a toD URI with runtime expressions is not this static endpoint
        }
    }

    @Override
    public LabelloopEndpoint getEndpoint() {
        return (LabelloopEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        LabelloopOperation operation = null;
        try {
            operation = resolveOperation(exchange);
            EffectiveOptions options = getEndpoint().options();
            Message in = exchange.getMessage();
            in.setHeader(LabelloopConstants.LOOP, options.loop().name());
            in.setHeader(LabelloopConstants.DATASET, options.loop().dataset());
            dispatch(operation, options, in);
        } catch (LoopPausedException e) {
            stopForPause(exchange, e);
        } catch (Exception e) {
            // The error carries the loop, the operation and the endpoint; the route's error handler decides.
            exchange.setException(new CamelExchangeException(getEndpoint().getConfiguration().getLoop() + ": operation "
                    + (operation == null ? "?" : operation.id()) + " failed: " + e.getMessage(), exchange, e));
        }
    }

    /**
     * A pause is no error: the exchange ends here, its later steps do not run, and the run is recorded as paused. An
     * exception would go through the route's error handler, which logs a pause as a failed delivery with its trace.
     */
    private static void stopForPause(Exchange exchange, LoopPausedException paused) {
        LOG.info("{}", paused.getMessage());
        exchange.getMessage().setHeader(LabelloopConstants.PAUSED, true);
        exchange.setProperty(LoopPausedException.EXCHANGE_PROPERTY, paused);
        exchange.setRouteStop(true);
    }

    private LabelloopOperation resolveOperation(Exchange exchange) {
        String header = exchange.getMessage().getHeader(LabelloopConstants.OPERATION, String.class);
        return header != null ? LabelloopOperation.parse(header) : getEndpoint().getConfiguration().getOperation();
    }

    private void dispatch(LabelloopOperation operation, EffectiveOptions options, Message in) {
        switch (operation) {
            case IMPORT -> processImport(options.loop(), in);
            case SCORE -> processScore(options.loop(), in);
            case SELECT -> processSelect(options, in);
            case TRAIN -> processTrain(options, in);
            case EVALUATE -> processEvaluate(options.loop(), in);
            case PROMOTE -> processPromote(options, in);
            case EXPORT -> processExport(options.loop(), in);
        }
    }

    private void processImport(LoopConfig loop, Message in) {
        LabelloopConfiguration c = getEndpoint().getConfiguration();
        Path file = requiredFile(loop, c);
        double evalFraction = c.getEvalFraction() == null ? 0 : c.getEvalFraction();
        if (evalFraction < 0 || evalFraction >= 1) {
            throw new IllegalArgumentException("option 'evalFraction' must be in [0, 1), got " + evalFraction);
        }
        StepResults.Imported r = steps().importRecords(loop,
                new LoopSteps.ImportRequest(file, c.getTextColumn(), c.getLabelColumn(), evalFraction));
        in.setHeader(LabelloopConstants.RECORD_COUNT, r.imported());
    }

    private void processScore(LoopConfig loop, Message in) {
        StepResults.Scored r = steps().score(loop);
        in.setHeader(LabelloopConstants.MODEL_VERSION, r.modelVersion());
        in.setHeader(LabelloopConstants.RECORD_COUNT, r.records());
        in.setHeader(LabelloopConstants.DURATION_SECONDS, r.seconds());
    }

    private void processSelect(EffectiveOptions options, Message in) {
        StepResults.Selected r = steps().select(options.loop(), options.selection());
        in.setHeader(LabelloopConstants.RECORD_COUNT, (long) r.queued());
        in.setHeader(LabelloopConstants.FILLED_BEYOND_WINDOW, r.filledBeyondWindow());
    }

    private void processTrain(EffectiveOptions options, Message in) {
        StepResults.Trained r = steps().train(options.loop(), options.trainMode(), options.seed());
        in.setHeader(LabelloopConstants.MODEL_VERSION, r.version());
        in.setHeader(LabelloopConstants.RECORD_COUNT, (long) r.trainingRecords());
        in.setHeader(LabelloopConstants.DURATION_SECONDS, r.seconds());
    }

    private void processEvaluate(LoopConfig loop, Message in) {
        StepResults.Evaluated r = steps().evaluate(loop, in.getHeader(LabelloopConstants.MODEL_VERSION, String.class));
        in.setHeader(LabelloopConstants.MODEL_VERSION, r.version());
        in.setHeader(LabelloopConstants.ACCURACY, r.accuracy());
        in.setHeader(LabelloopConstants.MACRO_F1, r.macroF1());
        in.setHeader(LabelloopConstants.RECORD_COUNT, (long) r.evalRecords());
    }

    private void processPromote(EffectiveOptions options, Message in) {
        String candidate = in.getHeader(LabelloopConstants.MODEL_VERSION, String.class);
        if (candidate == null) {
            throw new IllegalArgumentException("promote needs the header " + LabelloopConstants.MODEL_VERSION
                    + " (set by a train step before it)");
        }
        StepResults.Promoted r = steps().promote(options.loop(), candidate, options.promotePolicy(), options.metric());
        in.setHeader(LabelloopConstants.MODEL_VERSION, r.serving());
        in.setHeader(LabelloopConstants.PROMOTED, r.promoted());
        in.setHeader(LabelloopConstants.PROMOTE_REASON, r.reason());
    }

    private void processExport(LoopConfig loop, Message in) {
        LabelloopConfiguration c = getEndpoint().getConfiguration();
        StepResults.Exported r = steps().export(loop, requiredFile(loop, c), c.getFormat());
        in.setHeader(LabelloopConstants.RECORD_COUNT, r.records());
    }

    private Path requiredFile(LoopConfig loop, LabelloopConfiguration c) {
        String file = c.getFile() != null ? c.getFile() : loop.properties().get("file");
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("option 'file' is required for import and export");
        }
        return Path.of(file);
    }

    private LoopSteps steps() {
        return getEndpoint().steps();
    }
}
