package org.queqiao.platform.bus;

class InProcessEventBusTest extends EventBusContract {
    @Override
    protected EventBus createNode(String nodeId) {
        return new InProcessEventBus(nodeId);
    }

    @Override
    protected boolean nodesShareOneBus() {
        return false;
    }
}
